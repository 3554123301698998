package dev.rapport.script.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.RapportInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two instances touching one session at once (a row change handled by one while the other applies the
 * interaction's own inputs): the one that waited for the lock must load what the other committed, session and
 * interaction alike. With the lock and the load in one statement, PostgreSQL re-read only the locked interaction
 * row after the wait and joined it with the session row as it was before: a new version over stale runs.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "sessionlock"))
class SessionLockTest {
    @Inject
    SessionRepository repository;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whoWaitedForTheLockLoadsWhatTheOtherCommitted() throws Exception {
        String id = "lock-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            Session s = new Session(id, false);
            s.version = 1;
            s.startedAt = Instant.now();
            s.flowVariables.put("CaseStatus", "before");
            repository.save(c, List.of(s), new SessionWrites());
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            Session mine = repository.lock(first, List.of(id)).get(id);
            mine.version = 2;
            mine.flowVariables.put("CaseStatus", "after");
            repository.save(first, List.of(mine), new SessionWrites());

            Future<Session> waiting = other.submit(() -> {
                try (Connection second = dataSource.getConnection()) {
                    second.setAutoCommit(false);
                    Session seen = repository.lock(second, List.of(id)).get(id);
                    second.rollback();
                    return seen;
                }
            });
            awaitWaitingForALock();
            first.commit();

            Session seen = waiting.get(30, TimeUnit.SECONDS);
            assertThat(seen.version).isEqualTo(2);
            assertThat(seen.flowVariables).as("the session as committed with version 2")
                    .isEqualTo(Map.of("CaseStatus", "after"));
        } finally {
            other.shutdownNow();
        }
    }

    /** Until another connection of this database waits on a row lock. */
    private void awaitWaitingForALock() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            while (System.nanoTime() < until) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the second instance never waited for the session's lock");
    }
}
