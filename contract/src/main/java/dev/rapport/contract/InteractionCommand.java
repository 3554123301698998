package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * What Rapport asks of the telephony side about an interaction, on topic {@link Topics#INTERACTION_COMMANDS}, keyed
 * by interaction id. Rapport is not a switch: a script's interaction action (transfer, callback, disconnect) or an
 * agent's End or wrap-up becomes one of these, written by script-service's outbox with the session change that asked
 * for it. The telephony side answers a transfer, a callback or a disconnect with an {@link InteractionEvent} on
 * {@link Topics#INTERACTIONS} whose {@code commandId} is this {@code commandId}: {@code transferred},
 * {@code callbackScheduled}, {@code ended}, or {@code commandFailed} with a reason. A {@code wrapup} is a record of
 * the agent's wrap-up and needs no answer. A command delivered twice must take effect once (same
 * {@code commandId}). Schema: {@code schemas/interaction-command.v1.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionCommand(String commandId, Kind type, String interactionId, Instant issuedAt, String agentId,
                                 Target target, Callback callback, Wrapup wrapup) {
    /** The longest phone number accepted (digits, spaces, +, -, parentheses). */
    public static final int MAX_NUMBER = 64;
    /** The longest wrap-up notes accepted. */
    public static final int MAX_NOTES = 2_000;
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9][0-9 ().-]*");

    /** A number a transfer or a callback can dial: digits and the usual separators, an optional leading +. */
    public static boolean isPhoneNumber(String text) {
        return text != null && text.length() <= MAX_NUMBER && PHONE_NUMBER.matcher(text).matches();
    }

    public enum Kind {
        BLIND_TRANSFER("blindTransfer"),
        CONSULT_TRANSFER("consultTransfer"),
        SCHEDULE_CALLBACK("scheduleCallback"),
        DISCONNECT("disconnect"),
        WRAPUP("wrapup");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        @JsonCreator
        public static Kind fromWireName(String name) {
            return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown interaction command type '" + name + "'"));
        }
    }

    /** Where a transfer goes: a queue (its id), a user (their id) or a phone number. */
    public enum TargetType {
        QUEUE("queue"),
        USER("user"),
        NUMBER("number");

        private final String wireName;

        TargetType(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        @JsonCreator
        public static TargetType fromWireName(String name) {
            return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown transfer target type '" + name + "'"));
        }
    }

    /** The transfer's destination; {@code name} is what the agent was shown, if anything. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(TargetType type, String id, String name) {
    }

    /** A callback to {@code number} at {@code scheduledAt}. */
    public record Callback(String number, Instant scheduledAt) {
    }

    /** The wrap-up code (its id and name at the time) and the agent's notes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Wrapup(String code, String name, String notes) {
    }
}
