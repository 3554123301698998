package dev.rapport.contract.failure;

import dev.rapport.contract.GenesysError.Detail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The one place that decides, for a record whose handling failed, whether the record is at fault (dead-letter it with
 * the reason, and move on) or the system is (leave it uncommitted and try again: dead-lettering it would lose a good
 * record to an outage). Every consumer asks here.
 */
public final class KafkaFailures {
    static final int MAX_REASON = 1_000;
    /** SQL states that blame the values written, not the database: data exceptions, not-null and check violations. */
    private static final Set<String> INPUT_SQL_STATES = Set.of("23502", "23514");

    private KafkaFailures() {
    }

    /** What to do with a record whose handling failed. */
    public sealed interface Verdict permits DeadLetter, Retry {
    }

    /** The record can never succeed; {@code reason} goes in the {@code dead-letter-reason} header. */
    public record DeadLetter(String reason) implements Verdict {
    }

    /** Something the record needs is failing; the same record may succeed later. */
    public record Retry(String cause) implements Verdict {
    }

    public static Verdict judge(Throwable failure) {
        // The outermost failure that says what it is decides: a domain exception by its kind, else a known
        // infrastructure failure anywhere in the chain (frameworks wrap them).
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException domain) {
                return switch (domain.kind()) {
                    case UNAVAILABLE -> new Retry(describe(domain));
                    case NOT_FOUND, CONFLICT, VERSION_MISMATCH, INVALID_INPUT, LIMIT_EXCEEDED, TOO_LARGE ->
                            new DeadLetter(reason(domain));
                };
            }
            if (infrastructure(t)) {
                return new Retry(describe(t));
            }
        }
        // Neither: a failure of this record's own (a bug it triggers). Retrying would fail the same way and block the
        // partition behind it, so it is dead-lettered, its reason kept for whoever replays it after a fix.
        return new DeadLetter(reason(failure));
    }

    private static boolean infrastructure(Throwable t) {
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return state == null || !(state.startsWith("22") || INPUT_SQL_STATES.contains(state));
        }
        return t instanceof RetriableException || t instanceof IOException || t instanceof UncheckedIOException
                || t instanceof java.util.concurrent.TimeoutException;
    }

    /** The message, and the fields at fault when the message does not name them already. */
    static String reason(Throwable e) {
        String described = describe(e);
        String message = described;
        if (e instanceof DomainException domain && !domain.details().isEmpty()) {
            String fields = domain.details().stream().map(Detail::fieldName)
                    .filter(f -> f != null && !described.contains(f)).distinct().collect(Collectors.joining(", "));
            if (!fields.isEmpty()) {
                message = described + " (" + fields + ")";
            }
        }
        return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "…" : message;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
