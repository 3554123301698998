package dev.rapport.contract;

import java.util.List;

/** An event that does not meet its contract. It can never succeed, so a consumer dead-letters it. */
public class InvalidEventException extends RuntimeException {
    private final List<String> violations;

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
        this.violations = List.of(message);
    }

    public InvalidEventException(String message, List<String> violations) {
        super(message + ": " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** One line per violation, each naming the field, e.g. {@code /ani: integer found, string expected}. */
    public List<String> violations() {
        return violations;
    }
}
