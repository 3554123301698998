package dev.rapport.script.engine;

import dev.rapport.contract.InteractionCommand;
import dev.rapport.script.model.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The steps that act on the interaction (transfer, schedule callback, disconnect) and Delay: what each asks for, its
 * texts interpolated and checked at run time, so a step that cannot be sent fails its run with the reason instead of
 * sending the telephony side something it cannot do.
 */
final class InteractionSteps {
    static final int MAX_TARGET = 256;
    /** How far ahead a callback may be scheduled. */
    static final Duration MAX_CALLBACK_AHEAD = Duration.ofDays(90);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private InteractionSteps() {
    }

    static boolean asksTheInteraction(Step step) {
        return step instanceof Step.Transfer || step instanceof Step.ScheduleCallback
                || step instanceof Step.Disconnect;
    }

    static InteractionAction action(SessionModel session, Step step, Instant now) {
        if (step instanceof Step.Transfer t) {
            if (t.mode() == null || t.targetType() == null) {
                throw new ScriptEngineException("the transfer names no mode (blind, consult) or target type");
            }
            String target = session.interpolate(t.target() == null ? "" : t.target()).trim();
            if (target.isEmpty()) {
                throw new ScriptEngineException("the transfer's target is empty");
            }
            if (target.length() > MAX_TARGET) {
                throw new ScriptEngineException("the transfer's target has " + target.length() + " characters; at most "
                        + MAX_TARGET);
            }
            InteractionCommand.TargetType type = InteractionCommand.TargetType.fromWireName(t.targetType().name());
            return new InteractionAction(t.mode() == Step.TransferMode.blind ? InteractionCommand.Kind.BLIND_TRANSFER
                    : InteractionCommand.Kind.CONSULT_TRANSFER, type,
                    type == InteractionCommand.TargetType.NUMBER ? number(target) : target, null, null);
        } else if (step instanceof Step.ScheduleCallback c) {
            String number = number(session.interpolate(c.number() == null ? "" : c.number()).trim());
            Instant at = callbackTime(session.interpolate(c.time() == null ? "" : c.time()).trim(), now);
            return new InteractionAction(InteractionCommand.Kind.SCHEDULE_CALLBACK, null, null, number, at);
        } else if (step instanceof Step.Disconnect) {
            return new InteractionAction(InteractionCommand.Kind.DISCONNECT, null, null, null, null);
        }
        throw new ScriptEngineException("step " + step.getClass().getSimpleName() + " does not act on the interaction");
    }

    static int delaySeconds(Step.Delay delay) {
        Integer seconds = delay.seconds();
        if (seconds == null || seconds < 1 || seconds > Step.Delay.MAX_SECONDS) {
            throw new ScriptEngineException("a delay is 1 to " + Step.Delay.MAX_SECONDS + " seconds, not " + seconds);
        }
        return seconds;
    }

    static String number(String text) {
        if (!InteractionCommand.isPhoneNumber(text)) {
            throw new ScriptEngineException("'" + shorten(text) + "' is not a phone number");
        }
        return text;
    }

    /**
     * An ISO-8601 date and time: with an offset ({@code 2026-12-01T15:30:00+01:00}, {@code ...Z}), or without one
     * (a date input's {@code 2026-12-01T15:30}, or {@code 2026-12-01 15:30}), read as UTC. Not in the past, at most
     * {@link #MAX_CALLBACK_AHEAD} ahead.
     */
    static Instant callbackTime(String text, Instant now) {
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                at = LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new ScriptEngineException("'" + shorten(text) + "' is not a date and time for the callback "
                        + "(e.g. 2026-12-01T15:30)");
            }
        }
        if (at.isBefore(now.minus(CLOCK_SKEW))) {
            throw new ScriptEngineException("the callback time " + at + " is in the past");
        }
        if (at.isAfter(now.plus(MAX_CALLBACK_AHEAD))) {
            throw new ScriptEngineException("the callback time " + at + " is more than "
                    + MAX_CALLBACK_AHEAD.toDays() + " days ahead");
        }
        return at;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
