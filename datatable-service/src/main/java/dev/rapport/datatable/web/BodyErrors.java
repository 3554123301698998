package dev.rapport.datatable.web;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.rapport.contract.GenesysError;
import dev.rapport.platform.web.CorrelationId;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Request bodies Jackson cannot map (a string where a boolean belongs, broken JSON) answered with Genesys's error body
 * naming the field, instead of the framework's empty 400. Local to this service until platform-web maps them for all
 * (its mapper catches JsonProcessingException without details, and the framework's own mapper for mismatched input
 * comes before it).
 */
public class BodyErrors {
    private final CorrelationId correlationId;

    BodyErrors(CorrelationId correlationId) {
        this.correlationId = correlationId;
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        return mapping(e);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mapping(JsonMappingException e) {
        String field = fieldOf(e);
        String expected = e instanceof MismatchedInputException m && m.getTargetType() != null
                ? describe(m.getTargetType()) : null;
        String message = field.equals("body")
                ? "The body " + (expected == null ? "does not fit this request" : "must be " + expected)
                : "Field " + field + (expected == null ? " has a value that does not fit" : " must be " + expected);
        return badRequest(message, field);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unreadable(StreamReadException e) {
        return badRequest("The body is not valid JSON: " + e.getOriginalMessage(), "body");
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response tooComplex(StreamConstraintsException e) {
        return badRequest("The body is too deeply nested or too large: " + e.getOriginalMessage(), "body");
    }

    /**
     * The framework wraps a body it cannot parse (cut short, say) in a plain WebApplicationException; the cause says
     * what and where. Any other keeps its status and message, in Genesys's body as platform-web writes it.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response wrapped(WebApplicationException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException m) {
                return mapping(m);
            }
            if (t instanceof StreamReadException r) {
                return unreadable(r);
            }
            if (t instanceof StreamConstraintsException c) {
                return tooComplex(c);
            }
        }
        int status = e.getResponse().getStatus();
        if (status == 400) {
            return badRequest(e.getMessage(), "request");
        }
        // Same as platform-web's mapper (this one shadows it for the type): only 400s needed a field.
        String code = switch (status) {
            case 401 -> "authentication.required";
            case 403 -> "missing.any.permissions";
            case 404 -> "not.found";
            case 405 -> "method.not.allowed";
            case 406 -> "not.acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition.failed";
            case 415 -> "unsupported.media.type";
            default -> status >= 500 ? "internal.server.error" : "error";
        };
        return respond(status, code, e.getMessage(), List.of());
    }

    /** {@code dryRun}, {@code schema.properties.age}, {@code items[2]}; {@code body} for the body itself. */
    static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "a JSON object";
        }
        return "a JSON value of another type";
    }

    private Response badRequest(String message, String field) {
        return respond(400, "bad.request", message, List.of(new GenesysError.Detail("invalid.value", field, message)));
    }

    private Response respond(int status, String code, String message, List<GenesysError.Detail> details) {
        String contextId = correlationId.get();
        return Response.status(status).type(MediaType.APPLICATION_JSON).header(CorrelationId.HEADER, contextId)
                .entity(new GenesysError(message, code, status, contextId, details)).build();
    }
}
