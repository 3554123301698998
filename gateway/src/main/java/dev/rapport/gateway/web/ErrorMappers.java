package dev.rapport.gateway.web;

import dev.rapport.contract.InvalidEventException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.common.KafkaException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps each kind of failure once to Genesys's error body. */
public class ErrorMappers {
    private final CorrelationId correlationId;

    ErrorMappers(CorrelationId correlationId) {
        this.correlationId = correlationId;
    }

    @ServerExceptionMapper
    public Response invalidEvent(InvalidEventException e) {
        var details = e.violations().stream()
                .map(v -> new GenesysError.Detail("invalid.value", v.field(), v.message())).toList();
        return respond(400, "bad.request", "The event is not valid: " + e.getMessage(), details);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "bad.request";
            case 401 -> "authentication.required";
            case 403 -> "missing.any.permissions";
            case 404 -> "not.found";
            case 415 -> "unsupported.media.type";
            default -> "error";
        };
        return respond(status, code, e.getMessage(), java.util.List.of());
    }

    @ServerExceptionMapper
    public Response kafkaUnavailable(KafkaException e) {
        Log.errorf("Event not accepted by Kafka: %s", e.getMessage());
        return respond(503, "service.unavailable", "Events cannot be accepted right now; retry with the same event id",
                java.util.List.of());
    }

    private Response respond(int status, String code, String message, java.util.List<GenesysError.Detail> details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new GenesysError(message, code, status, correlationId.get(), details)).build();
    }
}
