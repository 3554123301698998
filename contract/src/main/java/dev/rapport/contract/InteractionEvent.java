package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * What an IVR or the telephony layer tells Rapport about an interaction, on topic {@link Topics#INTERACTIONS}.
 * Schema: {@code schemas/interaction-event.v1.json}. Fields other than {@code id}, {@code type},
 * {@code interactionId} are present when the kind of event carries them. An event that answers an
 * {@link InteractionCommand} names it in {@code commandId}: {@code transferred} (to a queue, an agent or an outside
 * {@code address}), {@code callbackScheduled} (with the {@code callback}), {@code ended}, or {@code commandFailed}
 * (with the {@code reason}). {@code routingFailed} (with the {@code reason}) says routing gave up on a queued
 * interaction.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionEvent(
        String id,
        Kind type,
        String interactionId,
        Instant occurredAt,
        String ani,
        String dnis,
        Map<String, String> attributes,
        QueueRef queue,
        AgentRef agent,
        String reason,
        ScreenPop screenPop,
        String commandId,
        String address,
        CallbackRef callback) {

    /** An event without a screen pop named by the IVR (the common case: the inbound flow decides). */
    public InteractionEvent(String id, Kind type, String interactionId, Instant occurredAt, String ani, String dnis,
                            Map<String, String> attributes, QueueRef queue, AgentRef agent, String reason) {
        this(id, type, interactionId, occurredAt, ani, dnis, attributes, queue, agent, reason, null);
    }

    /** An event that answers no command. */
    public InteractionEvent(String id, Kind type, String interactionId, Instant occurredAt, String ani, String dnis,
                            Map<String, String> attributes, QueueRef queue, AgentRef agent, String reason,
                            ScreenPop screenPop) {
        this(id, type, interactionId, occurredAt, ani, dnis, attributes, queue, agent, reason, screenPop, null, null,
                null);
    }

    /** The answer to command {@code commandId} (see {@link InteractionCommand}). */
    public static InteractionEvent answer(String id, Kind type, String interactionId, String commandId,
                                          QueueRef queue, AgentRef agent, String address, CallbackRef callback,
                                          String reason) {
        return new InteractionEvent(id, type, interactionId, Instant.now(), null, null, null, queue, agent, reason,
                null, commandId, address, callback);
    }

    public enum Kind {
        STARTED("started"),
        ATTRIBUTES_SET("attributesSet"),
        QUEUED("queued"),
        CONNECTED("connected"),
        TRANSFERRED("transferred"),
        ENDED("ended"),
        /** A callback was scheduled ({@code callback}). */
        CALLBACK_SCHEDULED("callbackScheduled"),
        /** The telephony side could not do command {@code commandId}; {@code reason} says why. */
        COMMAND_FAILED("commandFailed"),
        /** Built-in routing offers the interaction to {@code agent}; it waits for the agent's answer. */
        ALERTING("alerting"),
        /**
         * Routing gave up on the queued interaction (in-queue timeout, no agent can take it); {@code reason} says why.
         * An inbound flow waiting at a Transfer to ACD runs its failure steps.
         */
        ROUTING_FAILED("routingFailed");

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
                    .orElseThrow(() -> new IllegalArgumentException("unknown interaction event type '" + name + "'"));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueueRef(String id, String name) {
    }

    /** A script the IVR already chose, with its input values; honoured instead of the inbound flow's screen pop. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScreenPop(String scriptId, Map<String, String> inputs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentRef(String id, String name, String email) {
    }

    /** A scheduled callback: the telephony side's id for it, the number it calls and when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallbackRef(String id, String number, Instant scheduledAt) {
    }
}
