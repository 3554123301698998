package dev.rapport.platform.web;

import dev.rapport.contract.failure.DomainException;
import dev.rapport.contract.failure.DomainException.VersionMismatch;

/**
 * Each kind of domain failure as Genesys answers it: the status and the {@code code} clients match on. Used by the
 * exception mapper, and by whatever reports a failure in Genesys's words elsewhere (a data action's result).
 */
public final class DomainErrors {
    private DomainErrors() {
    }

    public static int status(DomainException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case VERSION_MISMATCH -> 412;
            case INVALID_INPUT, LIMIT_EXCEEDED -> 400;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
    }

    public static String code(DomainException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> "not.found";
            case CONFLICT -> "conflict";
            case VERSION_MISMATCH -> ((VersionMismatch) e).code();
            case INVALID_INPUT -> "bad.request";
            case LIMIT_EXCEEDED -> "limit.exceeded";
            case TOO_LARGE -> "payload.too.large";
            case UNAVAILABLE -> "service.unavailable";
        };
    }
}
