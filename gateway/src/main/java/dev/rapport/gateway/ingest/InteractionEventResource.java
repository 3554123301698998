package dev.rapport.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.InvalidEventException;
import dev.rapport.contract.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The IVR's way in: an interaction event over HTTP becomes a record on 'interactions', keyed by interaction id. The
 * body is one event (a JSON object), or a batch of them (a JSON array, at most {@code rapport.gateway.limits.batch-
 * events}) as an IVR platform's connector gathers them: a batch is refused whole (each problem named with its index,
 * e.g. {@code /3/type}) or produced whole, in its order.
 */
@Path("/api/v2/interactions/events")
@RolesAllowed({Roles.IVR, Roles.ADMIN})
public class InteractionEventResource {
    private static final String SOURCE = "/rapport/gateway/ivr";
    /** Kinds only the built-in router announces (script-service, through its outbox). */
    private static final Set<InteractionEvent.Kind> ROUTING_ONLY =
            EnumSet.of(InteractionEvent.Kind.ALERTING, InteractionEvent.Kind.ROUTING_FAILED);
    /** Problems listed in one refusal of a batch; past it the refusal says how many more events failed. */
    private static final int VIOLATIONS_LISTED = 50;

    private final InteractionPublisher publisher;
    private final InputBounds bounds;

    InteractionEventResource(InteractionPublisher publisher, InputBounds bounds) {
        this.publisher = publisher;
        this.bounds = bounds;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> post(JsonNode body) {
        if (body != null && body.isArray()) {
            return postBatch(body);
        }
        if (body == null || !body.isObject()) {
            throw new InvalidEventException("request body must be a JSON object (one event) or an array of them",
                    List.of(new InvalidEventException.Violation("/", "a JSON object or array is required")));
        }
        InteractionPublisher.Read read = read(body);
        InteractionEvent event = read.event();
        return publisher.publishRead(List.of(read), SOURCE)
                .thenApply(ignored -> Response.accepted(accepted(event)).build());
    }

    private CompletionStage<Response> postBatch(JsonNode batch) {
        bounds.checkBatch(batch.size());
        List<InteractionPublisher.Read> reads = new ArrayList<>(batch.size());
        List<InvalidEventException.Violation> violations = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < batch.size(); i++) {
            try {
                reads.add(read(batch.get(i)));
            } catch (InvalidEventException e) {
                refused++;
                for (InvalidEventException.Violation v : e.violations()) {
                    if (violations.size() < VIOLATIONS_LISTED) {
                        violations.add(new InvalidEventException.Violation(
                                "/" + i + ("/".equals(v.field()) ? "" : v.field()), v.message()));
                    }
                }
            }
        }
        if (refused > 0) {
            throw new InvalidEventException(refused + " of " + batch.size() + " events are invalid; none was "
                    + "accepted", violations);
        }
        List<Map<String, String>> entities = reads.stream().map(r -> accepted(r.event())).toList();
        return publisher.publishRead(reads, SOURCE)
                .thenApply(ignored -> Response.accepted(Map.of("entities", entities, "total", entities.size()))
                        .build());
    }

    private InteractionPublisher.Read read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidEventException("an event must be a JSON object",
                    List.of(new InvalidEventException.Violation("/", "a JSON object is required")));
        }
        InteractionPublisher.Read read = publisher.read((ObjectNode) node);
        if (ROUTING_ONLY.contains(read.event().type())) {
            throw new InvalidEventException("'" + read.event().type().wireName() + "' is announced by Rapport's "
                    + "built-in routing, not by an IVR", List.of(new InvalidEventException.Violation("/type",
                    "an IVR may send started, attributesSet, queued, connected, transferred, ended and the answers to "
                            + "interaction commands")));
        }
        return read;
    }

    private static Map<String, String> accepted(InteractionEvent event) {
        return Map.of("id", event.id(), "interactionId", event.interactionId(), "status", "accepted");
    }
}
