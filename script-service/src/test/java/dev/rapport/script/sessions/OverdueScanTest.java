package dev.rapport.script.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.RapportInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The timeout scan with several instances on one database: two scanners running at once split the overdue requests,
 * none picked twice. The app's own scheduled scan is off here, so the two scanners are the only ones.
 */
@QuarkusTest
@TestProfile(OverdueScanTest.ScanOff.class)
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "overdue"))
class OverdueScanTest {
    public static class ScanOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The scheduled scan does nothing during the startup grace: an hour here.
            return Map.of("rapport.sessions.startup-grace", "1h");
        }
    }

    @Inject
    SessionRepository repository;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoScannersSplitTheOverdueRequestsWithoutDoubles() throws Exception {
        Set<String> overdue = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            overdue.add(pending(Instant.now().minusSeconds(60 - i)));
        }
        String notYetDue = pending(Instant.now().plusSeconds(600));

        CyclicBarrier together = new CyclicBarrier(2);
        Callable<List<String>> scanner = () -> {
            List<String> taken = new ArrayList<>();
            try (Connection c = dataSource.getConnection()) {
                together.await(10, TimeUnit.SECONDS);
                List<SessionInput.Timeout> round;
                do {
                    round = repository.overdue(c, 7, Duration.ofSeconds(30));
                    round.forEach(t -> taken.add(t.requestId()));
                } while (!round.isEmpty());
            }
            return taken;
        };
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> first = instances.submit(scanner);
            Future<List<String>> second = instances.submit(scanner);
            List<String> a = first.get(30, TimeUnit.SECONDS);
            List<String> b = second.get(30, TimeUnit.SECONDS);

            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            assertThat(all).doesNotHaveDuplicates();
            assertThat(new HashSet<>(all)).isEqualTo(overdue).doesNotContain(notYetDue);
        } finally {
            instances.shutdownNow();
        }
        // Taken requests stay taken for the lease: a scan right after finds none of them again.
        try (Connection c = dataSource.getConnection()) {
            assertThat(repository.overdue(c, 100, Duration.ofSeconds(30))).isEmpty();
        }
    }

    @Test
    void aRequestWhoseTakerDidNotAnswerIsTakenAgainWhenItsLeaseEnds() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            repository.overdue(c, 1000, Duration.ofSeconds(30)); // what the other test left
            String request = pending(Instant.now().minusSeconds(5));
            // A lease long enough that the scan right after surely falls inside it (300 ms did not on a busy CI).
            assertThat(repository.overdue(c, 10, Duration.ofSeconds(2))).extracting(SessionInput.Timeout::requestId)
                    .containsExactly(request);
            assertThat(repository.overdue(c, 10, Duration.ofSeconds(30))).isEmpty();
            Thread.sleep(2_500);
            assertThat(repository.overdue(c, 10, Duration.ofSeconds(30))).extracting(SessionInput.Timeout::requestId)
                    .containsExactly(request);
        }
    }

    private String pending(Instant deadline) throws SQLException {
        String requestId = "r-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO pending_request (request_id, interaction_id, kind, action_id, deadline, created_at) "
                        + "VALUES (?, ?, 'SCRIPT_ACTION', 'custom_-_x', ?, now())")) {
            ps.setString(1, requestId);
            ps.setString(2, "i-" + UUID.randomUUID());
            ps.setTimestamp(3, Timestamp.from(deadline));
            ps.executeUpdate();
        }
        return requestId;
    }
}
