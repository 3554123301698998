package dev.rapport.action.requests;

import static dev.rapport.action.requests.ActionRequestsTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.action.support.LoopbackResource;
import dev.rapport.action.support.LoopbackServer;
import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.ActionResult;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.Topics;
import dev.rapport.platform.db.InstanceLiveness;
import dev.rapport.testkit.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several action-service instances share one database. A request claimed by an instance that died before answering
 * is redelivered by Kafka within seconds (long before the claim is old): the redelivery must take it over and answer
 * it once; a claim of a live instance is left to its owner.
 */
@QuarkusTest
@WithTestResource(value = LoopbackResource.class, initArgs = @ResourceArg(name = "database", value = "action"))
class ClaimsOfGoneInstancesTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void slowRows() {
        LoopbackResource.server.answer(r -> new LoopbackServer.Answer(200, "application/json",
                "{\"key\":\"k\",\"CustomerName\":\"Taken over\"}", Map.of(), 500));
    }

    @Test
    void aRequestClaimedByAnInstanceThatDiedIsAnsweredOnceOnRedelivery() throws Exception {
        String interactionId = UUID.randomUUID().toString();
        ActionRequest request = lookup("dead-" + interactionId, interactionId);
        // Written as the dead instance did a moment ago: claimed, no result, and no one holds its liveness lock.
        claimAs(request, "instance-that-died", Instant.now().minusSeconds(5));
        TopicProbe probe = new TopicProbe(bootstrap);

        // Two deliveries race for the stale claim (a redelivery and a duplicate): one runs, one answer.
        probe.send(record(request));
        probe.send(record(request));
        List<ActionResult> results = results(probe, interactionId, 1, Duration.ofSeconds(3));

        assertThat(results).hasSize(1);
        assertThat(results.get(0).success()).isTrue();
        assertThat(results.get(0).outputs()).containsEntry("CustomerName", "Taken over");
        assertThat(callsFor(interactionId)).isEqualTo(1);
        assertThat(storedResult(request.requestId())).isNotNull();
    }

    @Test
    void aFreshClaimOfALiveInstanceIsLeftToItAndTakenOverOnceItStops() throws Exception {
        String interactionId = UUID.randomUUID().toString();
        ActionRequest request = lookup("live-" + interactionId, interactionId);
        TopicProbe probe = new TopicProbe(bootstrap);
        try (Connection otherInstance = dataSource.getConnection()) {
            // Another instance, alive: it holds its liveness lock as InstanceLiveness does, and runs the request.
            try (PreparedStatement lock = otherInstance.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, InstanceLiveness.LOCK_SPACE);
                lock.setString(2, "instance-alive");
                lock.execute();
            }
            claimAs(request, "instance-alive", Instant.now());

            probe.send(record(request));
            // Nothing comes: read for a while (a settle after "at least none" seen).
            assertThat(results(probe, interactionId, 0, Duration.ofSeconds(5))).isEmpty();
            assertThat(callsFor(interactionId)).isZero();
            assertThat(storedResult(request.requestId())).isNull();
            // The instance dies: its session ends and its lock with it (a pooled connection outlives close()).
            try (var unlock = otherInstance.createStatement()) {
                unlock.execute("SELECT pg_advisory_unlock_all()");
            }
        }
        // Kafka delivers the request again (the dead instance never acknowledged it).
        probe.send(record(request));
        List<ActionResult> results = results(probe, interactionId, 1, Duration.ofSeconds(2));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).success()).isTrue();
        assertThat(callsFor(interactionId)).isEqualTo(1);
    }

    private static ActionRequest lookup(String requestId, String interactionId) {
        return new ActionRequest(requestId, interactionId, ActionRequest.DATATABLE_LOOKUP, null,
                Map.of("tableId", "claims", "key", interactionId), null);
    }

    private void claimAs(ActionRequest request, String instance, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO action_result (request_id, interaction_id, claimed_at, claimed_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, request.requestId());
            ps.setString(2, request.interactionId());
            ps.setObject(3, java.sql.Timestamp.from(at));
            ps.setString(4, instance);
            ps.setObject(5, java.sql.Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    private String storedResult(String requestId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT result FROM action_result WHERE request_id = ?")) {
            ps.setString(1, requestId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long callsFor(String interactionId) {
        return LoopbackResource.server.received().stream().filter(r -> r.path().contains(interactionId)).count();
    }

    private static List<ActionResult> results(TopicProbe probe, String interactionId, int count, Duration settle) {
        return probe.read(Topics.ACTION_RESULTS, r -> interactionId.equals(r.key()), count, Duration.ofSeconds(30),
                        settle).stream()
                .map(r -> EventJson.read(r.value(), ActionResult.class)).toList();
    }
}
