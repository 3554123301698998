package dev.rapport.e2e;

import dev.rapport.testkit.TopicContents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.TopicProbe;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * script-service is killed (SIGKILL) in the middle of its batches while calls keep arriving at a steady rate, and
 * restarted. Offsets are committed every two seconds here, so the kill falls inside that window and a share of the
 * inputs come again. Afterwards: every call has exactly one interaction, every input exactly one handled-event row
 * and one effect, every session's versions only grow with no version published with two payloads, and every call
 * ends on its final state.
 */
class BatchCrashIT {
    private static final int CALLS = 600;
    private static final int RATE_PER_SECOND = 150;
    private static final Pattern REDELIVERED = Pattern.compile(
            "rapport_events_redelivered_total\\{consumer=\"script-service.interactions\"[^}]*\\} ([0-9.]+)");
    /**
     * Offsets committed every 2 s (the kill falls in the window); the killed instance's group membership and outbox
     * leases expire in 6 and 10 s (not 10 and 30) so the new one takes over sooner; a relay round here takes well
     * under a second, 50 of them fit in a lease.
     */
    private static final List<String> SETTINGS = List.of("-Drapport.sessions.commit-interval=2s",
            "-Dkafka.session.timeout.ms=6000", "-Dkafka.heartbeat.interval.ms=1000",
            "-Drapport.outbox.lease-ttl=10s", "-Drapport.outbox.drain-timeout=5s");

    private static Infra infra;
    private static String database;

    @BeforeAll
    static void start() {
        infra = new Infra();
        database = infra.postgres.newDatabase("e2e_batch_crash");
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void killedInTheMiddleOfItsBatchesUnderLoadNothingIsLostNothingDoubled() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            ids.add(run + "-" + i);
        }
        TopicProbe probe = new TopicProbe(infra.kafka.bootstrapServers());
        ServiceProcess first = new ServiceProcess("script-service", infra.env(database), SETTINGS).start();
        probe.awaitGroupSettled("script-service", Topics.INTERACTIONS, Duration.ofSeconds(3), Duration.ofSeconds(60));

        // Each call: started, attributesSet, ended; a call starts every 1/RATE s, its inputs 20 ms apart.
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        Thread load = new Thread(() -> {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
                long t0 = System.nanoTime();
                for (int i = 0; i < CALLS; i++) {
                    sleepUntil(t0 + i * 1_000_000_000L / RATE_PER_SECOND);
                    String id = ids.get(i);
                    producer.send(event(id, InteractionEvent.Kind.STARTED, Map.of("Reason", "billing")));
                    producer.send(event(id, InteractionEvent.Kind.ATTRIBUTES_SET, Map.of("Step", "1")));
                    producer.send(event(id, InteractionEvent.Kind.ENDED, null));
                }
                producer.flush();
            }
        }, "batch-crash-load");
        load.start();
        // a third of the calls in, the service dies in the middle of its work
        await().atMost(Duration.ofSeconds(60)).until(() -> count(run, null) >= CALLS / 3);
        first.kill();
        Thread.sleep(1_000);
        Runnable afterwards;
        ServiceProcess second = new ServiceProcess("script-service", infra.env(database), SETTINGS).start();
        try {
            load.join();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(run, "ended") == CALLS);
            assertThat(redelivered(second)).as("inputs handled before the kill came again (the window was hit)")
                    .isPositive();
            // The killed instance's outbox shards are published by the new one once their leases expire
            // (rapport.outbox.lease-ttl): read until every call's final state is there.
            Set<String> wanted = Set.copyOf(ids);
            Map<String, Long> lastVersion = new HashMap<>();
            Map<String, String> payloadOfVersion = new HashMap<>();
            Map<String, SessionState> last = new HashMap<>();
            // Each round reads all of 'sessions' as it is then (up to its end offsets), not for a fixed 30 s.
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                report();
                check(TopicContents.read(infra.kafka.bootstrapServers(), Topics.SESSIONS,
                        r -> wanted.contains(r.key())), lastVersion, payloadOfVersion, last);
                return last.keySet().containsAll(wanted)
                        && last.values().stream().allMatch(s -> "ended".equals(s.state()));
            });
            assertThat(last.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(last.values()).allSatisfy(s -> {
                assertThat(s.state()).isEqualTo("ended");
                assertThat(s.attributes()).containsEntry("Step", "1").containsEntry("Reason", "billing");
            });
            // Once more after the checks below, with everything published until then: a late record (a replay
            // with another payload, a version going back) still fails the test.
            afterwards = () -> {
                check(TopicContents.read(infra.kafka.bootstrapServers(), Topics.SESSIONS,
                        r -> wanted.contains(r.key())), lastVersion, payloadOfVersion, last);
                assertThat(last.keySet()).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(last.values()).allSatisfy(s -> assertThat(s.state()).isEqualTo("ended"));
            };
        } finally {
            second.discard(); // SIGKILL: nothing below looks at its shutdown
        }

        try (Connection c = DriverManager.getConnection(database, infra.postgres.user(), infra.postgres.password())) {
            assertThat(count(run, null)).as("one interaction per call").isEqualTo(CALLS);
            assertThat(single(c, "SELECT count(*) FROM processed_event WHERE consumer = 'script-service.interactions'"
                    + " AND event_id LIKE '" + run + "-%'")).as("one handled-event row per input").isEqualTo(3L * CALLS);
            assertThat(single(c, "SELECT count(*) FROM timeline_entry WHERE kind = 'interaction.attributesSet'"
                    + " AND interaction_id LIKE '" + run + "-%'")).as("each input took effect once").isEqualTo(CALLS);
        }
        afterwards.run();
    }

    /** What {@code published} says of each call's versions; fails on a version with two payloads or a new old one. */
    private static void check(List<ConsumerRecord<String, String>> published, Map<String, Long> lastVersion,
                              Map<String, String> payloadOfVersion, Map<String, SessionState> last) {
        lastVersion.clear();
        payloadOfVersion.clear();
        last.clear();
        for (ConsumerRecord<String, String> r : published) {
            SessionState state = EventJson.read(r.value(), SessionState.class);
            String versionKey = r.key() + "@" + state.version();
            String before = payloadOfVersion.putIfAbsent(versionKey, r.value());
            assertThat(before == null || before.equals(r.value())).as("version %s carries one payload", versionKey)
                    .isTrue();
            long previous = lastVersion.getOrDefault(r.key(), 0L);
            if (state.version() < previous) {
                // The relay publishes, then deletes its rows: killed in between, the next owner sends them
                // again. Allowed only as a replay of a state already published, never as a new one.
                assertThat(before).as("%s, below version %d already published, is a replay of the same state",
                        versionKey, previous).isEqualTo(r.value());
            }
            lastVersion.put(r.key(), Math.max(previous, state.version()));
            if (state.version() >= previous) {
                last.put(r.key(), state);
            }
        }
    }

    /** What the outbox still holds and who holds its shards (printed while the test waits for the topic). */
    private static void report() throws Exception {
        try (Connection c = DriverManager.getConnection(database, infra.postgres.user(), infra.postgres.password())) {
            System.out.println("BatchCrashIT: outbox rows " + single(c, "SELECT count(*) FROM outbox_event")
                    + ", shards leased to live owners " + single(c, "SELECT count(*) FROM outbox_lease"
                    + " WHERE expires_at > now()") + ", live relays " + single(c,
                    "SELECT count(*) FROM outbox_relay_instance WHERE expires_at > now()"));
        }
    }

    private static long count(String run, String state) throws Exception {
        try (Connection c = DriverManager.getConnection(database, infra.postgres.user(), infra.postgres.password())) {
            return single(c, "SELECT count(*) FROM interaction WHERE id LIKE '" + run + "-%'"
                    + (state == null ? "" : " AND state = '" + state + "'"));
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double redelivered(ServiceProcess service) throws Exception {
        Matcher m = REDELIVERED.matcher(service.get("/q/metrics"));
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static ProducerRecord<String, String> event(String id, InteractionEvent.Kind kind,
                                                        Map<String, String> attributes) {
        String eventId = id + "-" + kind.wireName();
        InteractionEvent e = new InteractionEvent(eventId, kind, id, Instant.now(),
                kind == InteractionEvent.Kind.STARTED ? "7204276664" : null,
                kind == InteractionEvent.Kind.STARTED ? "8005551234" : null, attributes, null, null, null);
        return KafkaCloudEvents.toRecord(Topics.INTERACTIONS, new CloudEvent(eventId, EventTypes.interaction(kind),
                "/test/ivr", id, Instant.now(), EventJson.write(e)), null);
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
