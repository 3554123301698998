package dev.rapport.action.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.action.engine.Execution;
import dev.rapport.action.engine.Masking;
import dev.rapport.contract.EventJson;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Writes and reads the execution log. Inputs and outputs of secure actions are stored masked. */
@ApplicationScoped
public class ExecutionLog {

    public record Entry(long id, String actionId, Integer actionVersion, String interactionId, String requestId,
                        String source, String outcome, JsonNode inputs, JsonNode outputs, JsonNode error,
                        long durationMs, Instant createdAt) {
    }

    /** Counts by outcome and duration percentiles (ms, continuous) over an action's whole log. */
    public record Stats(String actionId, long count, long successes, long failures, long timeouts, Double p50Ms,
                        Double p95Ms, Double p99Ms) {
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String actionId, Integer version, String interactionId, String requestId, String source,
                       boolean secure, JsonNode inputs, Execution execution) {
        ActionExecution row = new ActionExecution();
        row.actionId = actionId;
        row.actionVersion = version;
        row.interactionId = interactionId;
        row.requestId = requestId;
        row.source = source;
        row.outcome = outcome(execution);
        row.inputs = (secure ? Masking.maskValues(inputs) : inputs).toString();
        if (execution.outcome() instanceof Execution.Success s) {
            row.outputs = (secure ? Masking.maskValues(s.output()) : s.output()).toString();
        }
        row.error = execution.error() == null ? null : EventJson.write(execution.error());
        row.durationMs = execution.durationMs();
        row.createdAt = Instant.now();
        row.persist();
    }

    public List<Entry> forAction(String actionId, int limit) {
        return ActionExecution.<ActionExecution>find("actionId", Sort.descending("id"), actionId)
                .page(Page.ofSize(limit)).list().stream().map(ExecutionLog::entry).toList();
    }

    public List<Entry> forInteraction(String interactionId, int limit) {
        return ActionExecution.<ActionExecution>find("interactionId", Sort.descending("id"), interactionId)
                .page(Page.ofSize(limit)).list().stream().map(ExecutionLog::entry).toList();
    }

    public Stats stats(String actionId) {
        Object[] r = (Object[]) ActionExecution.getEntityManager().createNativeQuery("""
                        select count(*), count(*) filter (where outcome = 'success'),
                               count(*) filter (where outcome = 'failure'), count(*) filter (where outcome = 'timeout'),
                               percentile_cont(0.5) within group (order by duration_ms),
                               percentile_cont(0.95) within group (order by duration_ms),
                               percentile_cont(0.99) within group (order by duration_ms)
                        from action_execution where action_id = ?1""")
                .setParameter(1, actionId).getSingleResult();
        return new Stats(actionId, count(r[0]), count(r[1]), count(r[2]), count(r[3]), millis(r[4]), millis(r[5]),
                millis(r[6]));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static Double millis(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static String outcome(Execution execution) {
        if (execution.outcome() instanceof Execution.Success) {
            return "success";
        }
        return execution.outcome() instanceof Execution.TimedOut ? "timeout" : "failure";
    }

    private static Entry entry(ActionExecution r) {
        return new Entry(r.id, r.actionId, r.actionVersion, r.interactionId, r.requestId, r.source, r.outcome,
                read(r.inputs), read(r.outputs), read(r.error), r.durationMs, r.createdAt);
    }

    private static JsonNode read(String json) {
        try {
            return json == null ? null : EventJson.mapper().readTree(json);
        } catch (Exception e) {
            return null;
        }
    }
}
