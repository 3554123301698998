package dev.rapport.contract;

import dev.rapport.contract.failure.DomainException;
import java.util.List;

/**
 * An event (or a body) that does not meet its contract: invalid input, so it can never succeed and a consumer
 * dead-letters it, and an API answers 400 naming each field.
 */
public class InvalidEventException extends DomainException.InvalidInput {
    private final List<Violation> violations;

    public InvalidEventException(String message, Throwable cause) {
        this(message, List.of(new Violation("/", message)), cause);
    }

    public InvalidEventException(String message, List<Violation> violations) {
        this(message + ": " + String.join("; ", violations.stream().map(Violation::toString).toList()),
                violations, null);
    }

    private InvalidEventException(String message, List<Violation> violations, Throwable cause) {
        super(message, violations.stream()
                .map(v -> new GenesysError.Detail(INVALID_VALUE, v.field(), v.message())).toList(), cause);
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
