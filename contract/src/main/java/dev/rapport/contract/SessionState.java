package dev.rapport.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The state of an interaction's agent session as the agent page draws it, on topic {@link Topics#SESSIONS}.
 * {@code version} only grows; a consumer that holds a higher version ignores a lower one. The page needs nothing
 * else to draw itself: {@code page} is the current page already rendered by script-service (texts resolved,
 * visibility, values, enabled state), {@code alerts} are those raised since the previous version, {@code actions}
 * the custom actions in flight or failed, {@code wrapup} the after-call work of the agent the interaction left.
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
        Instant updatedAt,
        ScriptRef script,
        JsonNode page,
        Map<String, Object> variables,
        List<Alert> alerts,
        List<ActionRun> actions,
        Wrapup wrapup) {

    /** A state without wrap-up (the interaction has not left an agent). */
    public SessionState(String interactionId, long version, String state, String ani, String dnis,
                        Map<String, String> attributes, InteractionEvent.QueueRef queue,
                        InteractionEvent.AgentRef agent, Instant updatedAt, ScriptRef script, JsonNode page,
                        Map<String, Object> variables, List<Alert> alerts, List<ActionRun> actions) {
        this(interactionId, version, state, ani, dnis, attributes, queue, agent, updatedAt, script, page, variables,
                alerts, actions, null);
    }

    /** A session without a script yet (no screen pop). */
    public SessionState(String interactionId, long version, String state, String ani, String dnis,
                        Map<String, String> attributes, InteractionEvent.QueueRef queue,
                        InteractionEvent.AgentRef agent, Instant updatedAt) {
        this(interactionId, version, state, ani, dnis, attributes, queue, agent, updatedAt,
                null, null, null, null, null, null);
    }

    /** The script the session shows: pinned to one published version. */
    public record ScriptRef(String id, String name, int version) {
    }

    /** A notice for the agent, raised by an Alert step. {@code level} is info, success, warning or error. */
    public record Alert(String id, String message, String level, Instant raisedAt) {
    }

    /**
     * The after-call work of the agent an interaction left (it ended, or was transferred away): {@code agentId} is
     * theirs; {@code status} is {@code pending} (the agent owes a wrap-up code, and notes when {@code notesRequired}),
     * {@code done} (then {@code code}, {@code codeName}, {@code notes} and {@code at} say what they chose) or
     * {@code notRequired}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Wrapup(String agentId, String status, boolean required, boolean notesRequired, String code,
                         String codeName, String notes, Instant at) {
        public static final String PENDING = "pending";
        public static final String DONE = "done";
        public static final String NOT_REQUIRED = "notRequired";

        public boolean pending() {
            return PENDING.equals(status);
        }
    }

    /** A custom action run started by a click: running (waiting for a data action), succeeded or failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActionRun(String runId, String customAction, String component, String status, String error,
                            Instant startedAt) {
    }
}
