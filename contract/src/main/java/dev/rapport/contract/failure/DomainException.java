package dev.rapport.contract.failure;

import dev.rapport.contract.GenesysError.Detail;
import java.util.List;

/**
 * Why an operation failed, said in the domain's words and nothing about transport: the HTTP side maps each kind once
 * to Genesys's error body, the Kafka side once to "dead-letter it" or "retry it" ({@link KafkaFailures}). The set is
 * closed; a new kind breaks the build of both mappings until they say what it means.
 */
public abstract sealed class DomainException extends RuntimeException {
    /** The closed set of kinds, so the mappings can switch over it exhaustively (Java 17 has no type patterns). */
    public enum Kind { NOT_FOUND, CONFLICT, VERSION_MISMATCH, INVALID_INPUT, LIMIT_EXCEEDED, TOO_LARGE, UNAVAILABLE }

    private final List<Detail> details;

    DomainException(String message, List<Detail> details, Throwable cause) {
        super(message, cause);
        this.details = List.copyOf(details);
    }

    public abstract Kind kind();

    /** What is wrong, field by field (may be empty). */
    public List<Detail> details() {
        return details;
    }

    /** The thing asked for does not exist (or the caller may not know it does). */
    public static final class NotFound extends DomainException {
        public NotFound(String message) {
            super(message, List.of(), null);
        }

        @Override
        public Kind kind() {
            return Kind.NOT_FOUND;
        }
    }

    /** The request fits, but not the current state: a duplicate name, a thing still in use, the wrong step. */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            this(message, List.of());
        }

        public Conflict(String message, List<Detail> details) {
            super(message, details, null);
        }

        @Override
        public Kind kind() {
            return Kind.CONFLICT;
        }
    }

    /** The caller's version ({@code If-Match}) is not the stored one: someone changed it since they read it. */
    public static final class VersionMismatch extends DomainException {
        public static final String PRECONDITION_FAILED = "precondition.failed";
        private final String code;

        public VersionMismatch(String message) {
            this(PRECONDITION_FAILED, message);
        }

        /** @param code what clients match on, e.g. {@code draft.changed} */
        public VersionMismatch(String code, String message) {
            super(message, List.of(), null);
            this.code = code;
        }

        public String code() {
            return code;
        }

        @Override
        public Kind kind() {
            return Kind.VERSION_MISMATCH;
        }
    }

    /**
     * The input itself is wrong and will be wrong however often it is tried. Open (not final) so that the contract's
     * {@link dev.rapport.contract.InvalidEventException} is one.
     */
    public static non-sealed class InvalidInput extends DomainException {
        public static final String INVALID_VALUE = "invalid.value";

        public InvalidInput(String message, List<Detail> details) {
            this(message, details, null);
        }

        protected InvalidInput(String message, List<Detail> details, Throwable cause) {
            super(message, details, cause);
        }

        /** One field is wrong. */
        public static InvalidInput field(String field, String message) {
            return new InvalidInput(message, List.of(new Detail(INVALID_VALUE, field, message)));
        }

        @Override
        public Kind kind() {
            return Kind.INVALID_INPUT;
        }
    }

    /** A count would pass its configured bound (tables, rows per table). */
    public static final class LimitExceeded extends DomainException {
        public LimitExceeded(String message) {
            super(message, List.of(), null);
        }

        @Override
        public Kind kind() {
            return Kind.LIMIT_EXCEEDED;
        }
    }

    /** A body or upload is larger than its size bound. */
    public static final class TooLarge extends DomainException {
        public TooLarge(String message) {
            super(message, List.of(), null);
        }

        @Override
        public Kind kind() {
            return Kind.TOO_LARGE;
        }
    }

    /** Something this operation needs is failing (a database, a broker, another service): trying again may work. */
    public static final class Unavailable extends DomainException {
        public Unavailable(String message, Throwable cause) {
            super(message, List.of(), cause);
        }

        @Override
        public Kind kind() {
            return Kind.UNAVAILABLE;
        }
    }
}
