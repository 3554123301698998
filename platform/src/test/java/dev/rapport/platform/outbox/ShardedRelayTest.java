package dev.rapport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.contract.RecordSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShardedRelayTest {
    static OutboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new OutboxFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void twoInstancesPublishConcurrentlyEveryRowOnceInKeyOrder() throws Exception {
        String topic = fixture.newTopic(6);
        int keys = 24;
        int perKey = 40;
        try (var a = TestRelay.start(fixture, "relay-a", Duration.ofSeconds(20));
             var b = TestRelay.start(fixture, "relay-b", Duration.ofSeconds(20))) {
            // both hold shards before the rows arrive, then rows are written while both publish
            await().atMost(Duration.ofSeconds(10)).until(() -> a.relay().status().shardsOwned() > 0
                    && b.relay().status().shardsOwned() > 0
                    && a.relay().status().shardsOwned() + b.relay().status().shardsOwned() == TestRelay.SHARDS);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int k = 0; k < keys; k++) {
                String key = "key-" + k;
                writers.submit(() -> {
                    for (int n = 0; n < perKey; n++) {
                        fixture.insert(topic, key, "{\"n\":" + n + "}", TestRelay.SHARDS);
                    }
                });
            }
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            List<ConsumerRecord<String, String>> records = fixture.read(topic, keys * perKey, Duration.ofSeconds(60));
            assertThat(records).hasSize(keys * perKey);
            assertThat(records.stream().map(r -> header(r, "ce_id")).distinct().count()).isEqualTo(keys * perKey);
            Map<String, List<Integer>> byKey = new HashMap<>();
            // one key is on one partition, so partition order is the key's publishing order
            records.stream().sorted((x, y) -> Long.compare(x.offset(), y.offset()))
                    .forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>())
                            .add(Integer.parseInt(r.value().replaceAll("\\D", ""))));
            assertThat(byKey).hasSize(keys);
            byKey.forEach((key, ns) -> assertThat(ns).as(key).isSorted().hasSize(perKey));
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.outboxRows() == 0);
            assertThat(a.published()).isPositive();
            assertThat(b.published()).isPositive();
            assertThat(a.published() + b.published()).isEqualTo(keys * perKey);
        }
    }

    @Test
    void theShardsOfAnInstanceThatStoppedAreTakenOverAndItsLeftoversPublished() {
        String topic = fixture.newTopic(3);
        try (var a = TestRelay.start(fixture, "relay-crashing", Duration.ofSeconds(2))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> a.relay().status().shardsOwned() == TestRelay.SHARDS);
        }
        // a crash: the leases stay as they were, unexpired for up to 2 s, and nothing publishes meanwhile
        fixture.execute("UPDATE outbox_lease SET owner = 'relay-crashing', "
                + "expires_at = now() + interval '2 seconds'");
        fixture.execute("INSERT INTO outbox_relay_instance (owner, expires_at) "
                + "VALUES ('relay-crashing', now() + interval '2 seconds') ON CONFLICT (owner) DO UPDATE "
                + "SET expires_at = EXCLUDED.expires_at");
        List<String> leftovers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            leftovers.add(fixture.insert(topic, "k" + (i % 7), "{\"n\":" + i + "}", TestRelay.SHARDS));
        }
        try (var b = TestRelay.start(fixture, "relay-successor", Duration.ofSeconds(2))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> b.relay().status().shardsOwned() == TestRelay.SHARDS);
            var records = fixture.read(topic, leftovers.size(), Duration.ofSeconds(20));
            assertThat(records).extracting(r -> header(r, "ce_id")).containsExactlyInAnyOrderElementsOf(leftovers);
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.outboxRows() == 0);
        }
    }

    @Test
    void recordsOfSignedTopicsCarryAValidSignatureAndOthersNone() {
        String other = fixture.newTopic(1);
        fixture.execute("DELETE FROM outbox_event");
        String signedId = fixture.insert("sessions", "i-1", "{\"v\":1}", TestRelay.SHARDS);
        String plainId = fixture.insert(other, "i-1", "{\"v\":1}", TestRelay.SHARDS);
        try (var a = TestRelay.start(fixture, "relay-signing", Duration.ofSeconds(20))) {
            var sessions = fixture.probe.read("sessions", r -> signedId.equals(header(r, "ce_id")), 1,
                    Duration.ofSeconds(20), Duration.ZERO);
            assertThat(sessions).hasSize(1);
            assertThat(new RecordSignatures(TestRelay.SIGNING_KEY).verify(sessions.get(0))).isTrue();
            var plain = fixture.read(other, 1, Duration.ofSeconds(20));
            assertThat(plain).extracting(r -> header(r, "ce_id")).containsExactly(plainId);
            assertThat(plain.get(0).headers().lastHeader(RecordSignatures.HEADER)).isNull();
        }
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

}
