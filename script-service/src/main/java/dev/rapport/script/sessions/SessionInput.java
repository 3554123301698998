package dev.rapport.script.sessions;

import dev.rapport.contract.ActionResult;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.InteractionEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One input of an interaction's session, as the session core applies it. */
sealed interface SessionInput {
    String interactionId();

    /** An IVR or telephony event from {@code interactions}; {@code time} is the envelope's. */
    record Event(InteractionEvent event, Instant time) implements SessionInput {
        @Override
        public String interactionId() {
            return event.interactionId();
        }
    }

    /** An agent's command from {@code agent-commands}. */
    record Command(AgentCommand command) implements SessionInput {
        @Override
        public String interactionId() {
            return command.interactionId();
        }
    }

    /** A data action's result from {@code action-results}. */
    record Result(ActionResult result) implements SessionInput {
        @Override
        public String interactionId() {
            return result.interactionId();
        }
    }

    /** A request whose result did not come in time. */
    record Timeout(String requestId, String interactionId) implements SessionInput {
    }

    /** A row the session's flow looked up changed ({@code row} null: deleted). */
    record RowChanged(String interactionId, String tableId, String rowKey, Map<String, Object> row,
                      List<String> flowPath) implements SessionInput {
    }
}
