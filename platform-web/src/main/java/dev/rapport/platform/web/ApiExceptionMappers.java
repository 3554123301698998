package dev.rapport.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rapport.contract.GenesysError;
import dev.rapport.contract.InvalidEventException;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure of a Rapport API, mapped once to Genesys's error body ({@code message, code, status, details}). */
public class ApiExceptionMappers {
    private final CorrelationId correlationId;

    ApiExceptionMappers(CorrelationId correlationId) {
        this.correlationId = correlationId;
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.status(), e.code(), e.getMessage(), e.details());
    }

    @ServerExceptionMapper
    public Response invalidEvent(InvalidEventException e) {
        return respond(400, "bad.request", e.getMessage(), e.violations().stream()
                .map(v -> new GenesysError.Detail("invalid.value", v.field(), v.message())).toList());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return respond(400, "bad.request", "The request body is not valid JSON: " + e.getOriginalMessage(),
                List.of());
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

    private Response respond(int status, String code, String message,
                                    List<GenesysError.Detail> details) {
        String contextId = correlationId.get();
        return Response.status(status).type(MediaType.APPLICATION_JSON).header(CorrelationId.HEADER, contextId)
                .entity(new GenesysError(message, code, status, contextId, details)).build();
    }

}
