package dev.rapport.gateway.adapters;

import dev.rapport.contract.InvalidEventException;
import java.util.List;

/**
 * A value read from a platform's request, checked where it enters: a required one present and not blank, each within
 * its length, or a 400 naming the platform's own field (a form parameter, or a JSON Pointer into its body).
 */
public final class PlatformFields {
    /** An id that becomes an interaction id (the contract's bound). */
    public static final int ID = 128;
    /** A phone number or address that becomes an ANI or DNIS. */
    public static final int ADDRESS = 64;
    /** A queue's or agent's id or name, an attribute's name. */
    public static final int NAME = 256;

    private PlatformFields() {
    }

    public static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is required");
        }
        return bounded(value, field, maxLength);
    }

    /** The value, or null when absent or blank. */
    public static String optional(String value, String field, int maxLength) {
        return value == null || value.isBlank() ? null : bounded(value, field, maxLength);
    }

    public static InvalidEventException invalid(String field, String message) {
        return new InvalidEventException("the request cannot be taken",
                List.of(new InvalidEventException.Violation(field, message)));
    }

    private static String bounded(String value, String field, int maxLength) {
        if (value.length() > maxLength) {
            throw invalid(field, "has " + value.length() + " characters; at most " + maxLength + " are accepted");
        }
        return value;
    }
}
