package dev.rapport.action.requests;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.actions.ActionService.Resolved;
import dev.rapport.action.actions.ActionService;
import dev.rapport.action.engine.ActionDefinition;
import dev.rapport.action.engine.Execution;
import dev.rapport.action.execution.ExecutionService.Origin;
import dev.rapport.action.execution.ExecutionService;
import dev.rapport.action.lookup.DataTableLookup;
import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.ActionResult;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InvalidEventException;
import dev.rapport.contract.Topics;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.platform.db.InstanceLiveness;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.platform.web.DomainErrors;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

/**
 * Executes action requests from Kafka and publishes their results through the outbox. Idempotent by request id: the
 * id is claimed before the action runs, and the result is stored with the outbox event in one transaction; a
 * redelivered request publishes the stored result again (the first publication may be what the requester missed) and
 * runs nothing; a delivery that finds the request running on a live instance leaves it to that one. A claim whose
 * instance is gone (its liveness lock is free), or older than {@link #STALE_CLAIM}, is taken over: the claim is
 * rewritten under the row lock, so of several deliveries racing for it exactly one runs the action and answers.
 * The action runs outside any transaction, so no database connection is held during the call.
 */
@ApplicationScoped
public class ActionRequestService {
    static final java.time.Duration STALE_CLAIM = java.time.Duration.ofMinutes(3);

    private final ActionService actions;
    private final ExecutionService executions;
    private final Outbox outbox;
    private final InstanceLiveness liveness;

    ActionRequestService(ActionService actions, ExecutionService executions, Outbox outbox,
                         InstanceLiveness liveness) {
        this.actions = actions;
        this.executions = executions;
        this.outbox = outbox;
        this.liveness = liveness;
    }

    /** @return the result published for the request, or null when another delivery of it is running it now */
    public ActionResult handle(CloudEvent envelope) {
        if (!EventTypes.ACTION_REQUESTED.equals(envelope.type())) {
            throw new InvalidEventException("not an action request", List.of(new InvalidEventException.Violation(
                    "ce_type", "'" + envelope.type() + "', expected '" + EventTypes.ACTION_REQUESTED + "'")));
        }
        ActionRequest request = EventSchemas.ACTION_REQUEST.parse(envelope.data(), ActionRequest.class);
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(request));
        if (claim instanceof Done done) {
            Log.debugf("Action request %s was handled before; its result is published again", request.requestId());
            return done.result();
        }
        if (claim instanceof Running) {
            Log.infof("Action request %s is being run by another delivery (of a live instance); this one does nothing", request.requestId());
            return null;
        }
        ActionResult result = run(request);
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredResult row = StoredResult.findById(request.requestId(), LockModeType.PESSIMISTIC_WRITE);
            if (row.result != null) {
                // A claim wrongly judged gone (its instance came back) was answered by its owner: answer once.
                Log.warnf("Action request %s was answered by instance %s meanwhile; this run's result is dropped",
                        request.requestId(), row.claimedBy);
                return EventJson.read(row.result, ActionResult.class);
            }
            row.result = EventJson.write(result);
            outbox.publish(Topics.ACTION_RESULTS, request.interactionId(), EventTypes.ACTION_COMPLETED, result);
            return result;
        });
    }

    /** What a delivery of a request id should do. */
    sealed interface Claim permits Run, Done, Running {
    }

    record Run() implements Claim {
    }

    record Done(ActionResult result) implements Claim {
    }

    record Running() implements Claim {
    }

    private Claim claim(ActionRequest request) {
        Instant now = Instant.now();
        String me = liveness.instanceId();
        int inserted = StoredResult.getEntityManager().createNativeQuery("INSERT INTO action_result (request_id, "
                        + "interaction_id, claimed_at, claimed_by, created_at) VALUES (?1, ?2, ?3, ?4, ?3) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, request.requestId()).setParameter(2, request.interactionId()).setParameter(3, now)
                .setParameter(4, me).executeUpdate();
        if (inserted == 1) {
            return new Run();
        }
        StoredResult row = StoredResult.findById(request.requestId(), LockModeType.PESSIMISTIC_WRITE);
        if (row.result != null) {
            ActionResult result = EventJson.read(row.result, ActionResult.class);
            outbox.publish(Topics.ACTION_RESULTS, row.interactionId, EventTypes.ACTION_COMPLETED, result);
            return new Done(result);
        }
        if (!claimantGone(row, now)) {
            return new Running(); // another delivery, on this instance or a live one, runs it and will answer
        }
        Log.warnf("Action request %s was claimed by instance %s at %s, which is gone; this delivery takes it over",
                request.requestId(), row.claimedBy, row.claimedAt);
        row.claimedAt = now;
        row.claimedBy = me;
        return new Run();
    }

    /**
     * The claiming instance stopped (its lock is free), or the claim outlived any run (longest: the 60 s timeout). A
     * claim without an instance (written before instances were recorded) is judged by its age alone.
     */
    private boolean claimantGone(StoredResult row, Instant now) {
        return row.claimedAt.isBefore(now.minus(STALE_CLAIM))
                || (row.claimedBy != null && !liveness.alive(row.claimedBy));
    }

    private ActionResult run(ActionRequest request) {
        ObjectNode inputs = request.inputs() == null ? EventJson.mapper().createObjectNode()
                : EventJson.mapper().valueToTree(request.inputs());
        Origin origin = new Origin("kafka", request.interactionId(), request.requestId(), 0, request.onBehalfOf());
        if (ActionRequest.DATATABLE_LOOKUP.equals(request.actionId())) {
            Resolved lookup = DataTableLookup.action();
            Execution execution = executions.execute(withTimeout(lookup, request), DataTableLookup.INTEGRATION,
                    inputs, false, origin);
            return ActionResults.of(request, execution).named(lookup.definition().name());
        }
        Resolved resolved;
        try {
            resolved = actions.resolve(request.actionId(), request.version());
        } catch (NotFound e) {
            // No such action (or version): the requester learns it from a failed result, as Genesys answers it.
            return ActionResults.failure(request, e.getMessage(), DomainErrors.code(e), DomainErrors.status(e), 0);
        }
        Execution execution = executions.execute(withTimeout(resolved, request), inputs, true, origin);
        return ActionResults.of(request, execution).secured(resolved.definition().secure())
                .named(resolved.definition().name());
    }

    /** A request's timeoutSeconds overrides the action's (both are within Genesys's 1..60). */
    private static Resolved withTimeout(Resolved resolved, ActionRequest request) {
        if (request.timeoutSeconds() == null) {
            return resolved;
        }
        ActionDefinition d = resolved.definition();
        ObjectNode config = d.config().deepCopy();
        config.put("timeoutSeconds", request.timeoutSeconds());
        return new Resolved(resolved.actionId(), resolved.version(), resolved.integrationId(),
                new ActionDefinition(d.name(), config, d.contract(), d.secure()));
    }
}
