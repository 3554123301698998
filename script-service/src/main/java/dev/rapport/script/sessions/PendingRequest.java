package dev.rapport.script.sessions;

import java.time.Instant;
import java.util.List;

/**
 * Something a session waits for (a row of {@code pending_request}), until its deadline: a request on
 * {@code action-requests} (its result continues a suspended custom action run or, for sessions started before
 * lookups moved into script-service, an inbound flow waiting at a lookup); a command on {@code interaction-commands}
 * (the telephony side's answer on {@code interactions} names it; {@code runId} null for the agent's End); or a
 * Delay step, which only its deadline ends. {@code actionId} names the data action or the command's type.
 */
record PendingRequest(String requestId, String interactionId, Kind kind, String runId, List<String> flowPath,
                      String actionId, Instant deadline, Instant createdAt) {

    enum Kind {
        SCRIPT_ACTION("script-action"),
        FLOW_LOOKUP("flow-lookup"),
        /** A flow's Call Data Action step: {@code flowPath} is the step, its result or deadline picks the branch. */
        FLOW_ACTION("flow-action"),
        INTERACTION_COMMAND("interaction-command"),
        DELAY("delay");

        final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        static Kind of(String wireName) {
            for (Kind k : values()) {
                if (k.wireName.equals(wireName)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown pending request kind '" + wireName + "'");
        }
    }
}
