package dev.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.TopicProbe;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * script-service is killed (SIGKILL) after it committed its work to the database but before it committed its Kafka
 * offsets. On restart Kafka delivers the same events again; the processed-event log turns each into a no-op, so
 * every event takes effect exactly once: no interaction lost, none changed twice, no session published twice.
 */
class CrashRecoveryIT {
    private static final int EVENTS = 40;
    private static final Pattern REDELIVERED = Pattern.compile(
            "rapport_events_redelivered_total\\{consumer=\"script-service.interactions\"[^}]*\\} ([0-9.]+)");
    // Offsets are committed only every 10 minutes and the dead member is noticed quickly, so the kill is certain to
    // fall between the database commit and the offset commit.
    private static final List<String> SLOW_OFFSET_COMMITS = List.of(
            "-Drapport.sessions.commit-interval=10m",
            "-Dkafka.session.timeout.ms=6000",
            "-Dkafka.heartbeat.interval.ms=1000");

    private static Infra infra;
    private static String databaseUrl;

    @BeforeAll
    static void start() {
        infra = new Infra();
        databaseUrl = infra.postgres.newDatabase("e2e_crash");
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void eventsRedeliveredAfterACrashTakeEffectOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> interactionIds = IntStream.range(0, EVENTS).mapToObj(i -> run + "-" + i)
                .collect(Collectors.toSet());
        TopicProbe probe = new TopicProbe(infra.kafka.bootstrapServers());

        ServiceProcess first = new ServiceProcess("script-service", infra.env(databaseUrl), SLOW_OFFSET_COMMITS).start();
        // Its consumers join one after another; a record in flight while partitions move is (correctly) delivered
        // twice, which would blur the count below, so the events go out once the group has settled.
        probe.awaitGroupSettled("script-service", Topics.INTERACTIONS, Duration.ofSeconds(3), Duration.ofSeconds(60));
        probe.sendAll(interactionIds.stream().map(CrashRecoveryIT::started).toList());
        List<ConsumerRecord<String, String>> sessions = probe.read(Topics.SESSIONS,
                r -> interactionIds.contains(r.key()), EVENTS, Duration.ofSeconds(60), Duration.ZERO);
        assertThat(sessions).hasSize(EVENTS);
        assertThat(redelivered(first)).isZero();

        first.kill();

        ServiceProcess second = new ServiceProcess("script-service", infra.env(databaseUrl),
                SLOW_OFFSET_COMMITS).start();
        try {
            // The restarted consumer starts again from the last committed offset: every event comes back.
            await().atMost(Duration.ofSeconds(90)).until(() -> redelivered(second) >= EVENTS);

            List<ConsumerRecord<String, String>> after = probe.read(Topics.SESSIONS,
                    r -> interactionIds.contains(r.key()), EVENTS, Duration.ofSeconds(30), Duration.ofSeconds(3));
            assertThat(after).as("one session per interaction, none published twice").hasSize(EVENTS);
            assertThat(after).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(interactionIds);
        } finally {
            second.discard(); // SIGKILL: nothing below looks at its shutdown
        }

        try (Connection c = DriverManager.getConnection(databaseUrl, infra.postgres.user(), infra.postgres.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*), min(version), max(version) FROM interaction WHERE id LIKE '" + run + "-%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("interactions recorded").isEqualTo(EVENTS);
            assertThat(rs.getLong(2)).as("lowest version").isEqualTo(1);
            assertThat(rs.getLong(3)).as("highest version").isEqualTo(1);
        }
    }

    private static double redelivered(ServiceProcess service) throws Exception {
        Matcher m = REDELIVERED.matcher(service.get("/q/metrics"));
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, String> started(String interactionId) {
        InteractionEvent event = new InteractionEvent(UUID.randomUUID().toString(), InteractionEvent.Kind.STARTED,
                interactionId, Instant.now(), "7204276664", "8005551234", Map.of(), null, null, null);
        CloudEvent envelope = new CloudEvent(event.id(), EventTypes.interaction(event.type()), "/test/ivr",
                interactionId, Instant.now(), EventJson.write(event));
        return KafkaCloudEvents.toRecord(Topics.INTERACTIONS, envelope, null);
    }
}
