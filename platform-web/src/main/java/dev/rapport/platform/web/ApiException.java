package dev.rapport.platform.web;

import dev.rapport.contract.GenesysError;
import java.util.List;

/**
 * A refusal an API caller can act on, answered in Genesys's error body. Throw it (or a subclass per failure kind)
 * from a service class; {@link ApiExceptionMappers} writes the response.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<GenesysError.Detail> details;

    public ApiException(int status, String code, String message, List<GenesysError.Detail> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static ApiException badRequest(String message, List<GenesysError.Detail> details) {
        return new ApiException(400, "bad.request", message, details);
    }

    /** A 400 naming one field. */
    public static ApiException invalidField(String field, String message) {
        return badRequest(message, List.of(new GenesysError.Detail("invalid.value", field, message)));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not.found", message, List.of());
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message, List.of());
    }

    public static ApiException preconditionFailed(String message) {
        return new ApiException(412, "precondition.failed", message, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<GenesysError.Detail> details() {
        return details;
    }
}
