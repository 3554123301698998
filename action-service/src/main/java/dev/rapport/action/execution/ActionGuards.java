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
 * The guards live in this instance's memory: with N instances each limit is allowed N times over, and each instance
 * opens its own circuits (hence the keys {@code rapport.actions.per-instance.*}). A shared limit would need a round
 * trip to the database per execution; divide the limits by the number of instances instead.
 */
@ApplicationScoped
public class ActionGuards {
    private final ActionsConfig config;
    private final ActionsConfig.PerInstance limits;
    private final Map<String, Guard> integrations = new ConcurrentHashMap<>();
    private final Map<String, Guard> actions = new ConcurrentHashMap<>();

    ActionGuards(ActionsConfig config) {
        this.config = config;
        this.limits = config.perInstance();
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
                .withBulkhead().limit(limits.concurrencyPerIntegration()).done()
                .withRateLimit().limit(limits.ratePerMinute()).window(1, ChronoUnit.MINUTES).done()
                .build());
        Guard action = actions.computeIfAbsent(actionKey, key -> Guard.create()
                .withDescription("action " + key)
                .withBulkhead().limit(limits.concurrencyPerAction()).done()
                .withCircuitBreaker().failOn(EndpointFailing.class)
                .requestVolumeThreshold(limits.circuitRequestVolume()).failureRatio(limits.circuitFailureRatio())
                .delay(limits.circuitDelay().toMillis(), ChronoUnit.MILLIS).done()
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
                    + "calls are paused for " + limits.circuitDelay().toSeconds() + " s"));
        } catch (BulkheadException e) {
            return new Refused(new Refusal(429, "action.concurrency.limit", "the action or its integration already "
                    + "runs as many executions as allowed (" + limits.concurrencyPerAction() + " per action, "
                    + limits.concurrencyPerIntegration() + " per integration, on each instance)"));
        } catch (RateLimitException e) {
            return new Refused(new Refusal(429, "action.rate.limit", "the integration ran "
                    + limits.ratePerMinute() + " executions in the last minute on this instance"));
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
