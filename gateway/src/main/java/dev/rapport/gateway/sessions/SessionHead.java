package dev.rapport.gateway.sessions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.SessionState;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the gateway itself reads of a session state: who it belongs to (the agent it is connected to, and the agent
 * it left, who wraps it up), its version and state, enough to list it. The page, variables and alerts are only
 * passed on to the agent's browser, as the JSON text script-service wrote.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionHead(String interactionId, long version, String state, String ani, String dnis,
                          InteractionEvent.QueueRef queue, InteractionEvent.AgentRef agent, Instant updatedAt,
                          SessionState.ScriptRef script, SessionState.Wrapup wrapup,
                          @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) List<JsonNode> alerts) {

    /** Alerts raised on this version (they are on this version only, so a stream never drops such a state). */
    public boolean hasAlerts() {
        return alerts != null && !alerts.isEmpty();
    }

    public boolean ended() {
        return "ended".equals(state);
    }

    /** Not ended, or ended with its agent's wrap-up still to do: what a fresh stream starts with. */
    public boolean open() {
        return !ended() || wrapup != null && wrapup.pending();
    }

    /** The id of the agent the interaction is connected to, or null. */
    public String agentId() {
        return agent == null ? null : agent.id();
    }

    /** The id of the agent the interaction left (ended, or transferred away), who wraps it up; or null. */
    public String wrapupAgentId() {
        return wrapup == null ? null : wrapup.agentId();
    }

    /** The agents whose lists show the interaction: the one it is connected to and the one it left. */
    public Set<String> agents() {
        Set<String> agents = new HashSet<>(2);
        if (agentId() != null) {
            agents.add(agentId());
        }
        if (wrapupAgentId() != null) {
            agents.add(wrapupAgentId());
        }
        return agents;
    }
}
