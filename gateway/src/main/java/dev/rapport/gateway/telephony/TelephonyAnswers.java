package dev.rapport.gateway.telephony;

import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.InteractionEvent.Kind;
import java.time.Instant;
import java.util.List;

/**
 * What the simulated telephony side answers to each command, in order, each answer naming the command: a transfer
 * to a queue is {@code transferred} there; to a user, {@code transferred} then {@code connected} (the user answers);
 * to a number, {@code transferred} then {@code ended} (the call left the contact center); a callback is
 * {@code callbackScheduled}; a disconnect {@code ended}; a wrap-up is only recorded. A consult transfer is completed
 * at once. What a switch would refuse (a number that is not one, a callback in the past) is {@code commandFailed}.
 * Event ids derive from the command's id, so a command delivered twice is answered with the same events (and
 * script-service applies them once).
 */
final class TelephonyAnswers {
    private TelephonyAnswers() {
    }

    static List<InteractionEvent> to(InteractionCommand c, Instant now) {
        return switch (c.type()) {
            case BLIND_TRANSFER, CONSULT_TRANSFER -> transfer(c);
            case SCHEDULE_CALLBACK -> {
                InteractionCommand.Callback callback = c.callback();
                if (!InteractionCommand.isPhoneNumber(callback.number())) {
                    yield List.of(failed(c, "'" + callback.number() + "' is not a number to call back"));
                }
                if (callback.scheduledAt().isBefore(now)) {
                    yield List.of(failed(c, "the callback time " + callback.scheduledAt() + " is in the past"));
                }
                yield List.of(answer(c, 1, Kind.CALLBACK_SCHEDULED, null, null, null, new InteractionEvent.CallbackRef(
                        "cb-" + c.commandId(), callback.number(), callback.scheduledAt()), null));
            }
            case DISCONNECT -> List.of(answer(c, 1, Kind.ENDED, null, null, null, null,
                    "disconnected" + (c.agentId() == null ? "" : " by " + c.agentId())));
            case WRAPUP -> List.of();
        };
    }

    private static List<InteractionEvent> transfer(InteractionCommand c) {
        InteractionCommand.Target target = c.target();
        return switch (target.type()) {
            case QUEUE -> List.of(answer(c, 1, Kind.TRANSFERRED,
                    new InteractionEvent.QueueRef(target.id(), target.name()), null, null, null, null));
            case USER -> List.of(
                    answer(c, 1, Kind.TRANSFERRED, null, new InteractionEvent.AgentRef(target.id(), null, null), null,
                            null, null),
                    new InteractionEvent(id(c, 2), Kind.CONNECTED, c.interactionId(), Instant.now(), null, null, null,
                            null, new InteractionEvent.AgentRef(target.id(), target.name(), null), null));
            case NUMBER -> InteractionCommand.isPhoneNumber(target.id())
                    ? List.of(answer(c, 1, Kind.TRANSFERRED, null, null, target.id(), null, null),
                    new InteractionEvent(id(c, 2), Kind.ENDED, c.interactionId(), Instant.now(), null, null, null,
                            null, null, "transferred to " + target.id()))
                    : List.of(failed(c, "'" + target.id() + "' is not a number to transfer to"));
        };
    }

    private static InteractionEvent failed(InteractionCommand c, String reason) {
        return answer(c, 1, Kind.COMMAND_FAILED, null, null, null, null, reason);
    }

    private static InteractionEvent answer(InteractionCommand c, int n, Kind kind, InteractionEvent.QueueRef queue,
                                           InteractionEvent.AgentRef agent, String address,
                                           InteractionEvent.CallbackRef callback, String reason) {
        return InteractionEvent.answer(id(c, n), kind, c.interactionId(), c.commandId(), queue, agent, address,
                callback, reason);
    }

    private static String id(InteractionCommand c, int n) {
        return "telephony-simulator:" + c.commandId() + ":" + n;
    }
}
