package dev.rapport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OversizedRecordTest {
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
    void anOversizedRecordIsDeadLetteredAndTheRowsBehindItArePublishedOnce() {
        String topic = fixture.newTopic(3);
        List<String> sent = new ArrayList<>();
        sent.add(fixture.insert(topic, "k1", "{\"n\":0}", 12));
        String oversized = fixture.insert(topic, "k1", "{\"big\":\"" + "x".repeat(1_300_000) + "\"}", 12);
        for (int i = 1; i <= 20; i++) {
            sent.add(fixture.insert(topic, "k" + (i % 3), "{\"n\":" + i + "}", 12));
        }

        try (var relay = TestRelay.start(fixture, "relay-a", Duration.ofSeconds(20))) {
            List<ConsumerRecord<String, String>> published = fixture.read(topic, sent.size(), Duration.ofSeconds(30));
            assertThat(published).extracting(r -> r.headers().lastHeader("ce_id"))
                    .extracting(h -> new String(h.value()))
                    .containsExactlyInAnyOrderElementsOf(sent);
            var dead = fixture.read(topic + "-dlq", 1, Duration.ofSeconds(10));
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value()))
                    .contains("too large");
            assertThat(new String(dead.get(0).headers().lastHeader("ce_id").value())).isEqualTo(oversized);
            assertThat(dead.get(0).value()).hasSizeLessThan(2_000);
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.outboxRows() == 0);
            assertThat(relay.registry().counter("rapport.outbox.dead.lettered", "reason", "too-large").count())
                    .isEqualTo(1.0);
        }
    }
}
