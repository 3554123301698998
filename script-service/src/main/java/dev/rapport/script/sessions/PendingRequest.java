package dev.rapport.script.sessions;

import java.time.Instant;
import java.util.List;

/**
 * A request on {@code action-requests} still waiting for its result (a row of {@code pending_request}), and what its
 * result continues: a suspended custom action run, or (sessions started before lookups moved into script-service)
 * an inbound flow waiting at a lookup.
 */
record PendingRequest(String requestId, String interactionId, Kind kind, String runId, List<String> flowPath,
                      String actionId, Instant deadline, Instant createdAt) {

    enum Kind {
        SCRIPT_ACTION("script-action"),
        FLOW_LOOKUP("flow-lookup");

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
