package dev.rapport.action.execution;

import dev.rapport.action.ActionsConfig;
import dev.rapport.action.engine.Execution;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * SmallRye Fault Tolerance guards built programmatically, because limits are per integration and per action:
 * per integration a bulkhead (concurrent executions) and a rate limit; per action version a circuit breaker that opens
 * when the endpoint keeps failing (5xx, timeouts, unreachable), not when callers send bad input.
 * The timeout itself is enforced by the runner's deadline on every HTTP exchange.
 */
@ApplicationScoped
public class ActionGuards {
    private final ActionsConfig config;
    private final Map<String, Guard> integrations = new ConcurrentHashMap<>();
    private final Map<String, Guard> actions = new ConcurrentHashMap<>();

    ActionGuards(ActionsConfig config) {
        this.config = config;
    }

    /** A refusal by a guard, as the outcome the caller sees. */
    public record Refusal(int status, String code, String message) {
    }

    public sealed interface Guarded permits Ran, Refused {
    }

    public record Ran(Execution execution) implements Guarded {
    }

    public record Refused(Refusal refusal) implements Guarded {
    }

    /** How deep data actions may run inside data actions. */
    public int maxCallDepth() {
        return config.maxCallDepth();
    }

    public Guarded run(String integrationId, String actionKey, Supplier<Execution> execution) {
        Guard integration = integrations.computeIfAbsent(integrationId, id -> Guard.create()
                .withDescription("integration " + id)
                .withBulkhead().limit(config.concurrencyPerIntegration()).done()
                .withRateLimit().limit(config.ratePerMinute()).window(1, ChronoUnit.MINUTES).done()
                .build());
        Guard action = actions.computeIfAbsent(actionKey, key -> Guard.create()
                .withDescription("action " + key)
                .withBulkhead().limit(config.concurrencyPerAction()).done()
                .withCircuitBreaker().failOn(EndpointFailing.class)
                .requestVolumeThreshold(config.circuitRequestVolume()).failureRatio(config.circuitFailureRatio())
                .delay(config.circuitDelay().toMillis(), ChronoUnit.MILLIS).done()
                .build());
        try {
            return new Ran(integration.call(() -> action.call(() -> {
                Execution e = execution.get();
                if (endpointFailing(e)) {
                    throw new EndpointFailing(e);
                }
                return e;
            }, Execution.class), Execution.class));
        } catch (EndpointFailing failing) {
            return new Ran(failing.execution);
        } catch (CircuitBreakerOpenException e) {
            return new Refused(new Refusal(503, "action.circuit.open", "the action's endpoint has been failing; "
                    + "calls are paused for " + config.circuitDelay().toSeconds() + " s"));
        } catch (BulkheadException e) {
            return new Refused(new Refusal(429, "action.concurrency.limit", "the action or its integration already "
                    + "runs as many executions as allowed (" + config.concurrencyPerAction() + " per action, "
                    + config.concurrencyPerIntegration() + " per integration)"));
        } catch (RateLimitException e) {
            return new Refused(new Refusal(429, "action.rate.limit", "the integration ran "
                    + config.ratePerMinute() + " executions in the last minute"));
        } catch (Exception e) {
            throw new IllegalStateException("guarded execution failed", e);
        }
    }

    private static boolean endpointFailing(Execution e) {
        var error = e.error();
        return error != null && (error.status() >= 500 || "action.timeout".equals(error.code()));
    }

    /** Carries a run whose endpoint failed through the circuit breaker, so it counts. */
    static final class EndpointFailing extends RuntimeException {
        final transient Execution execution;

        EndpointFailing(Execution execution) {
            super(null, null, false, false);
            this.execution = execution;
        }
    }
}
