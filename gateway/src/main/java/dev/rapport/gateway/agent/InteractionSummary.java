package dev.rapport.gateway.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.SessionState;
import java.time.Instant;

/** One row of the agent's interaction list: enough to draw the list, without the page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionSummary(String interactionId, long version, String state, String ani, String dnis,
                                 InteractionEvent.QueueRef queue, InteractionEvent.AgentRef agent, Instant updatedAt,
                                 SessionState.ScriptRef script) {
    static InteractionSummary of(SessionState s) {
        return new InteractionSummary(s.interactionId(), s.version(), s.state(), s.ani(), s.dnis(), s.queue(),
                s.agent(), s.updatedAt(), s.script());
    }
}

