package dev.rapport.script.sessions;

import java.util.List;

/**
 * Where a session's inbound flow waits, kept in {@code agent_session.flow_wait} so a restart or another instance
 * resumes it: at the step at {@code path}, a {@code callDataAction} (whose request is {@code requestId}, answered on
 * 'action-results' or ended by its deadline) or a {@code transferToAcd} (ended by {@code connected}, or by
 * {@code routingFailed}, which runs its failure steps).
 */
record FlowWait(List<String> path, String step, String requestId) {
    static final String CALL_DATA_ACTION = "callDataAction";
    static final String TRANSFER_TO_ACD = "transferToAcd";
}
