package dev.rapport.script.sessions;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Ends the requests whose result did not come back in time, taking their failure path, through the same batch as
 * every other input (so the session's lock orders it with them). Just after a start it waits a grace period first:
 * results that arrived while the service was down are still in Kafka. With several instances each scan takes its own
 * overdue requests ({@code FOR UPDATE SKIP LOCKED}, then marked for {@link #LEASE}), so no two instances pick the
 * same one; should an answer fail, the request is taken again when the lease ends. The session's lock and the
 * pending row still make the answer once, whatever the scans do.
 */
@ApplicationScoped
public class ActionTimeouts {
    private static final int PER_ROUND = 200;
    /** Longer than applying a round takes; a request whose answer failed is retried after it. */
    static final Duration LEASE = Duration.ofSeconds(15);

    private final SessionBatch batch;
    private final SessionRepository repository;
    private final AgroalDataSource dataSource;
    private final Instant graceUntil;

    ActionTimeouts(SessionBatch batch, SessionRepository repository, AgroalDataSource dataSource,
                   SessionsConfig config) {
        this.batch = batch;
        this.repository = repository;
        this.dataSource = dataSource;
        this.graceUntil = Instant.now().plus(config.startupGrace());
    }

    @Scheduled(every = "${rapport.sessions.timeout-check:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOverdue() {
        if (Instant.now().isBefore(graceUntil)) {
            return;
        }
        List<SessionInput.Timeout> overdue;
        try (Connection c = dataSource.getConnection()) {
            overdue = repository.overdue(c, PER_ROUND, LEASE);
        } catch (SQLException | RuntimeException e) {
            Log.debugf("Overdue requests not checked: %s", e.getMessage());
            return;
        }
        if (overdue.isEmpty()) {
            return;
        }
        try {
            batch.apply(overdue.stream().map(t -> new SessionBatch.Delivery(null, null, null, t, null)).toList());
        } catch (RuntimeException e) {
            Log.warnf("Could not end %d overdue requests: %s", overdue.size(), e.getMessage());
        }
    }
}
