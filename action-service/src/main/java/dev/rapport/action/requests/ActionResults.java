package dev.rapport.action.requests;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rapport.action.engine.Execution;
import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.ActionResult;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.GenesysError;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps an execution to the {@link ActionResult} event script-service consumes. */
final class ActionResults {
    private ActionResults() {
    }

    static ActionResult of(ActionRequest request, Execution execution) {
        if (execution.outcome() instanceof Execution.Success s) {
            Map<String, Object> outputs = new LinkedHashMap<>(EventJson.mapper().convertValue(s.output(),
                    new TypeReference<Map<String, Object>>() { }));
            if (ActionRequest.DATATABLE_LOOKUP.equals(request.actionId())) {
                outputs.put("found", true);
            }
            return new ActionResult(request.requestId(), request.interactionId(), request.actionId(), true, outputs,
                    null, execution.durationMs());
        }
        GenesysError error = execution.error();
        String code = error.code();
        if (execution.outcome() instanceof Execution.TimedOut) {
            code = "timeout";
        } else if (ActionRequest.DATATABLE_LOOKUP.equals(request.actionId()) && error.status() == 404
                && "action.remote.error".equals(code)) {
            code = "not.found";
        }
        return failure(request, error.message(), code, error.status(), execution.durationMs());
    }

    static ActionResult failure(ActionRequest request, String message, String code, int status, long durationMs) {
        return new ActionResult(request.requestId(), request.interactionId(), request.actionId(), false, null,
                new ActionResult.Error(message, code, status), durationMs);
    }
}
