package dev.rapport.action.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.actions.ActionService.Resolved;
import dev.rapport.action.engine.DataActionRunner;
import dev.rapport.action.engine.CallDepth;
import dev.rapport.action.engine.Execution;
import dev.rapport.action.engine.IntegrationContext;
import dev.rapport.action.engine.Masking;
import dev.rapport.action.integrations.IntegrationService;
import dev.rapport.contract.GenesysError;
import dev.rapport.contract.OnBehalfOf;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Runs a resolved action under its guards, times it (p95/p99 per action and outcome), and writes the execution log.
 * Holds no transaction while the endpoint is called.
 */
@ApplicationScoped
public class ExecutionService {
    private final DataActionRunner runner;
    private final ActionGuards guards;
    private final IntegrationService integrations;
    private final ExecutionLog log;
    private final MeterRegistry metrics;

    ExecutionService(DataActionRunner runner, ActionGuards guards, IntegrationService integrations, ExecutionLog log,
                     MeterRegistry metrics) {
        this.runner = runner;
        this.guards = guards;
        this.integrations = integrations;
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * What started a run, for the log; {@code onBehalfOf}: the agent whose click asked for it (a request from a
     * script), told to Rapport's own API.
     */
    public record Origin(String source, String interactionId, String requestId, int depth, OnBehalfOf onBehalfOf) {
        public Origin(String source, String interactionId, String requestId) {
            this(source, interactionId, requestId, 0, null);
        }

        public Origin(String source, String interactionId, String requestId, int depth) {
            this(source, interactionId, requestId, depth, null);
        }

        public static Origin api() {
            return new Origin("api", null, null);
        }

        /** A run asked for over the API by a request that announced its call depth ({@link CallDepth}). */
        public static Origin api(int depth) {
            return new Origin("api", null, null, depth);
        }

        public static Origin test() {
            return new Origin("test", null, null);
        }
    }

    public Execution execute(Resolved action, ObjectNode input, boolean flatten, Origin origin) {
        return execute(action, integrations.context(action.integrationId()), input, flatten, origin);
    }

    /** Runs under a given integration context: the built-in actions have no stored integration. */
    public Execution execute(Resolved action, IntegrationContext integration, ObjectNode input, boolean flatten,
                             Origin origin) {
        String key = action.actionId() + "@" + (action.version() == null ? "draft" : action.version());
        ActionGuards.Guarded guarded = origin.depth() > guards.maxCallDepth()
                ? new ActionGuards.Refused(new ActionGuards.Refusal(508, "action.call.depth", "data actions run "
                        + origin.depth() + " deep inside data actions; at most " + guards.maxCallDepth() + " are allowed"))
                : guards.run(action.integrationId(), key,
                        () -> runner.run(action.definition(), integration, input, flatten, origin.depth(),
                                origin.onBehalfOf()));
        Execution execution;
        if (guarded instanceof ActionGuards.Ran ran) {
            execution = ran.execution();
        } else {
            ActionGuards.Refusal r = ((ActionGuards.Refused) guarded).refusal();
            GenesysError error = new GenesysError(r.message(), r.code(), r.status(), null, List.of());
            execution = new Execution(List.of(new Execution.Step(1, "guard", false, null, error)),
                    new Execution.Failure(error), 0);
        }
        String outcome = ExecutionLog.outcome(execution);
        Timer.builder("rapport.actions.execution").description("Data action executions, by action and outcome")
                .tag("action", action.actionId()).tag("outcome", outcome)
                .publishPercentiles(0.95, 0.99).publishPercentileHistogram()
                .register(metrics).record(Duration.ofMillis(execution.durationMs()));
        if (execution.error() != null) {
            metrics.counter("rapport.actions.errors", "action", action.actionId(), "code", execution.error().code())
                    .increment();
        }
        boolean secure = action.definition().secure();
        Log.infof("Action %s v%s (%s) for interaction %s: %s in %d ms%s", action.actionId(), action.version(),
                origin.source(), origin.interactionId(), outcome, execution.durationMs(),
                execution.error() == null ? "" : " (" + execution.error().code() + ")");
        // inputs may hold personal data: only at debug level, and masked for secure actions
        Log.debugf("Action %s inputs %s", action.actionId(), secure ? Masking.maskValues(input) : input);
        log.record(action.actionId(), action.version(), origin.interactionId(), origin.requestId(), origin.source(),
                secure, input, execution);
        return execution;
    }
}
