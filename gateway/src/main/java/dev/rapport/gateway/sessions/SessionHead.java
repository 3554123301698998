package dev.rapport.gateway.sessions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.SessionState;
import java.time.Instant;

/**
 * What the gateway itself reads of a session state: who it belongs to, its version and state, enough to list it.
 * The page, variables and alerts are only passed on to the agent's browser, as the JSON text script-service wrote.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionHead(String interactionId, long version, String state, String ani, String dnis,
                          InteractionEvent.QueueRef queue, InteractionEvent.AgentRef agent, Instant updatedAt,
                          SessionState.ScriptRef script) {

    public boolean ended() {
        return "ended".equals(state);
    }

    /** The id of the agent the interaction is connected to, or null. */
    public String agentId() {
        return agent == null ? null : agent.id();
    }
}
