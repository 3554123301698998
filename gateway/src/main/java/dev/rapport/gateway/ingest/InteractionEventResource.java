package dev.rapport.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contract.EventSchemas;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The IVR's way in: an interaction event over HTTP becomes a record on 'interactions', keyed by interaction id. */
@Path("/api/v2/interactions/events")
@RolesAllowed({Roles.IVR, Roles.ADMIN})
public class InteractionEventResource {
    private static final String SOURCE = "/rapport/gateway/ivr";
    /** Kinds only the built-in router announces (script-service, through its outbox). */
    private static final java.util.Set<InteractionEvent.Kind> ROUTING_ONLY =
            java.util.EnumSet.of(InteractionEvent.Kind.ALERTING, InteractionEvent.Kind.ROUTING_FAILED);

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
        if (body == null || !body.isObject()) {
            throw new InvalidEventException("request body must be a JSON object",
                    List.of(new InvalidEventException.Violation("/", "a JSON object is required")));
        }
        bounds.checkInteractionEvent(body);
        ObjectNode data = ((ObjectNode) body).deepCopy();
        if (!data.hasNonNull("occurredAt")) {
            data.put("occurredAt", Instant.now().toString());
        }
        InteractionEvent event = EventSchemas.INTERACTION_EVENT.parse(data.toString(), InteractionEvent.class);
        if (ROUTING_ONLY.contains(event.type())) {
            throw new InvalidEventException("'" + event.type().wireName() + "' is announced by Rapport's built-in "
                    + "routing, not by an IVR", List.of(new InvalidEventException.Violation("/type",
                    "an IVR may send started, attributesSet, queued, connected, transferred, ended and the answers to "
                            + "interaction commands")));
        }
        return publisher.publish(List.of(event), SOURCE)
                .thenApply(ignored -> Response.accepted(Map.of(
                        "id", event.id(), "interactionId", event.interactionId(), "status", "accepted")).build());
    }
}
