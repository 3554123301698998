package dev.rapport.action.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.rapport.contract.GenesysError;
import dev.rapport.platform.web.CorrelationId;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body of the wrong JSON shape (an array where an object belongs, a string for a number) answers Genesys's error
 * body naming the field, not Quarkus's empty 400. (Belongs in platform-web next to the other mappers: the lead's move.)
 */
public class JsonBodyErrors {
    private final CorrelationId correlationId;

    JsonBodyErrors(CorrelationId correlationId) {
        this.correlationId = correlationId;
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e) {
        String field = field(e);
        String expected = e.getTargetType() == null ? "another JSON type"
                : e.getTargetType().getSimpleName().replace("ObjectNode", "a JSON object");
        String message = field.equals("body") ? "The request body must be a JSON object"
                : "The field " + field + " has the wrong JSON type (expected " + expected + ")";
        String contextId = correlationId.get();
        return Response.status(400).type(MediaType.APPLICATION_JSON).header(CorrelationId.HEADER, contextId)
                .entity(new GenesysError(message, "bad.request", 400, contextId,
                        List.of(new GenesysError.Detail("invalid.value", field, message)))).build();
    }

    private static String field(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
