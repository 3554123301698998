package dev.rapport.script.designer;

import dev.rapport.script.clients.ActionServiceClient;
import dev.rapport.script.clients.ActionServiceClient.Execution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Runs a published data action for a preview, for real, through action-service's execute endpoint and with the
 * previewing admin's own token (so action-service applies its own rules and logs the execution), through
 * {@link ActionServiceClient}.
 */
@ApplicationScoped
public class DataActionCalls {
    private final ActionServiceClient actionService;

    DataActionCalls(ActionServiceClient actionService) {
        this.actionService = actionService;
    }

    /** One execution: outputs flattened as in a live session, or why it failed. */
    public record Call(String dataActionId, Map<String, String> inputs, boolean success, Map<String, Object> outputs,
                       String error, long durationMs) {
    }

    public Call execute(String dataActionId, Map<String, String> inputs, String authorization) {
        long started = System.nanoTime();
        Execution execution = actionService.execute(dataActionId, inputs, authorization);
        long ms = (System.nanoTime() - started) / 1_000_000;
        return execution instanceof Execution.Completed completed
                ? new Call(dataActionId, inputs, true, completed.outputs(), null, ms)
                : new Call(dataActionId, inputs, false, Map.of(), ((Execution.Failed) execution).reason(), ms);
    }
}
