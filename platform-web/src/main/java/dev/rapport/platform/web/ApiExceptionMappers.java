package dev.rapport.platform.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.rapport.contract.GenesysError;
import dev.rapport.contract.failure.DomainException;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure of a Rapport API, mapped once to Genesys's error body ({@code message, code, status, details}): domain
 * exceptions by their kind, the framework's own (unreadable JSON, authentication, roles) by theirs.
 */
public class ApiExceptionMappers {
    private final CorrelationId correlationId;

    ApiExceptionMappers(CorrelationId correlationId) {
        this.correlationId = correlationId;
    }

    /** Every domain failure, the contract's InvalidEventException among them, by its kind ({@link DomainErrors}). */
    @ServerExceptionMapper
    public Response domain(DomainException e) {
        if (e.kind() == DomainException.Kind.UNAVAILABLE) {
            Log.warnf(e, "Unavailable (contextId %s): %s", correlationId.get(), e.getMessage());
        }
        return respond(DomainErrors.status(e), DomainErrors.code(e), e.getMessage(), e.details());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return respond(400, "bad.request", describe(e), List.of(new GenesysError.Detail("invalid.value",
                fieldOf(e), e.getOriginalMessage())));
    }

    /** Also Quarkus's own mapper for this type would answer in another shape: Genesys's body it is. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(401, "authentication.required", "A valid bearer token is required", List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "missing.any.permissions", "Your roles do not allow this", List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // The JSON body reader wraps a parse failure in a bare 400 ("HTTP 400 Bad Request"): say what and where.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "bad.request";
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

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        String contextId = correlationId.get();
        // The cause stays in the log, under the context id the caller receives; the caller gets no internals.
        Log.errorf(e, "Unexpected failure (contextId %s)", contextId);
        return Response.status(500).type(MediaType.APPLICATION_JSON).header(CorrelationId.HEADER, contextId)
                .entity(new GenesysError("The server failed to answer; quote contextId " + contextId,
                        "internal.server.error", 500, contextId, List.of())).build();
    }

    /** "The request body is not valid JSON at line 1, column 12: Unexpected character..." without internals. */
    static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what = e instanceof JsonMappingException && !(e instanceof JsonParseException)
                ? "The request body does not have the expected shape" : "The request body is not valid JSON";
        return what + where + ": " + firstLine(e.getOriginalMessage());
    }

    /** The JSON Pointer of the field Jackson was reading ("/" when unknown or a syntax error). */
    static String fieldOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "/";
        }
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return pointer.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        // Class names are internals: `dev.rapport.x.Thing` becomes `Thing`.
        String line = (newline < 0 ? message : message.substring(0, newline))
                .replaceAll("`(?:[\\w$]+\\.)+([\\w$]+)`", "`$1`");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private Response respond(int status, String code, String message,
                                    List<GenesysError.Detail> details) {
        String contextId = correlationId.get();
        return Response.status(status).type(MediaType.APPLICATION_JSON).header(CorrelationId.HEADER, contextId)
                .entity(new GenesysError(message, code, status, contextId, details)).build();
    }

}
