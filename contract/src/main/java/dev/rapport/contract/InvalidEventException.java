package dev.rapport.contract;

import java.util.List;

/** An event that does not meet its contract. It can never succeed, so a consumer dead-letters it. */
public class InvalidEventException extends RuntimeException {
    private final List<Violation> violations;

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
        this.violations = List.of(new Violation("/", message));
    }

    public InvalidEventException(String message, List<Violation> violations) {
        super(message + ": " + String.join("; ", violations.stream().map(Violation::toString).toList()));
        this.violations = List.copyOf(violations);
    }

    /** Each violation names the field (a JSON Pointer into the data, or a header name) and what is wrong. */
    public List<Violation> violations() {
        return violations;
    }

    public record Violation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
