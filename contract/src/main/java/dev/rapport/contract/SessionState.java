package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * The state of an interaction's agent session as the agent page draws it, on topic {@link Topics#SESSIONS}.
 * {@code version} only grows; a consumer that holds a higher version ignores a lower one.
 * Schema: {@code schemas/session-updated.v1.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionState(
        String interactionId,
        long version,
        String state,
        String ani,
        String dnis,
        Map<String, String> attributes,
        InteractionEvent.QueueRef queue,
        InteractionEvent.AgentRef agent,
        Instant updatedAt) {
}
