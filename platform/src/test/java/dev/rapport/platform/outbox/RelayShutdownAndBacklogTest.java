package dev.rapport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.platform.kafka.KafkaClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RelayShutdownAndBacklogTest {
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
    void aStopPublishesWhatTheShardsItHoldsStillHaveThenGivesThemBack() {
        String topic = fixture.newTopic(3);
        // it polls once an hour: only the stop can publish rows no commit on this instance announced
        var relay = TestRelay.start(fixture.dataSource(), KafkaClientSettings.bootstrap(fixture.bootstrapServers()),
                "relay-stopping", Duration.ofSeconds(20), Duration.ofHours(1), Duration.ofSeconds(60),
                Optional.empty());
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.relay().status().shardsOwned() == TestRelay.SHARDS);
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(fixture.insert(topic, "k" + i, "{\"n\":" + i + "}", TestRelay.SHARDS));
        }
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(fixture.outboxRows()).as("held until the stop").isEqualTo(8);

        relay.close(); // what the ShutdownEvent does

        assertThat(fixture.outboxRows()).isZero();
        List<ConsumerRecord<String, String>> records = fixture.read(topic, 8, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> new String(r.headers().lastHeader("ce_id").value()))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(fixture.count("SELECT count(*) FROM outbox_lease WHERE owner = 'relay-stopping'")).isZero();
    }

    @Test
    void notReadyWhileARowWaitsLongerThanTheBound() {
        // 'sessions' records are signed and this relay has no key: the row stays, as when the broker refuses it
        try (var relay = TestRelay.start(fixture.dataSource(),
                KafkaClientSettings.bootstrap(fixture.bootstrapServers()), "relay-backlog", Duration.ofSeconds(20),
                Duration.ofMillis(100), Duration.ofSeconds(1), Optional.empty())) {
            var readiness = new OutboxRelayReadiness(relay.relay());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> readiness.call().getStatus() == HealthCheckResponse.Status.UP);

            fixture.insert("sessions", "i-backlog", "{}", TestRelay.SHARDS);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> readiness.call().getStatus() == HealthCheckResponse.Status.DOWN);
            assertThat(relay.relay().status().sinceLastRound()).isLessThan(Duration.ofSeconds(5));
            assertThat((Long) readiness.call().getData().orElseThrow().get("backlogMillis")).isGreaterThan(1000L);

            fixture.execute("DELETE FROM outbox_event WHERE topic = 'sessions'");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> readiness.call().getStatus() == HealthCheckResponse.Status.UP);
        }
    }
}
