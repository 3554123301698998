package dev.rapport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A row without a payload is a tombstone (script-service's ended sessions): it goes out as a record with no value, its
 * CloudEvent attributes in the headers. Before, it could not be turned into a record at all, and the relay paused on
 * it round after round, so no row of any shard was published any more.
 */
class TombstoneRowTest {
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
    void aTombstoneIsPublishedWithoutAValueAndTheRowsAroundItToo() {
        String topic = fixture.newTopic(3);
        String before = fixture.insert(topic, "call-1", "{\"n\":1}", 12);
        String tombstone = fixture.insert(topic, "call-1", null, 12);
        String after = fixture.insert(topic, "call-2", "{\"n\":2}", 12);

        try (var relay = TestRelay.start(fixture, "relay-t", Duration.ofSeconds(20))) {
            List<ConsumerRecord<String, String>> published = fixture.read(topic, 3, Duration.ofSeconds(30));
            assertThat(published).extracting(r -> new String(r.headers().lastHeader("ce_id").value()))
                    .containsExactlyInAnyOrder(before, tombstone, after);
            ConsumerRecord<String, String> gone = published.stream()
                    .filter(r -> new String(r.headers().lastHeader("ce_id").value()).equals(tombstone))
                    .findFirst().orElseThrow();
            assertThat(gone.key()).isEqualTo("call-1");
            assertThat(gone.value()).isNull();
            assertThat(gone.headers().lastHeader("ce_type")).isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.outboxRows() == 0);
        }
    }

    @Test
    void aRowThatCannotBecomeARecordIsDeadLetteredNotRetriedForever() throws Exception {
        String topic = fixture.newTopic(3);
        String broken;
        try (Connection c = fixture.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_event (event_id, topic, record_key, type, "
                     + "source, payload, shard) VALUES (?, ?, 'k', ' ', '/test', '{}', 0) RETURNING event_id")) {
            broken = java.util.UUID.randomUUID().toString();
            ps.setString(1, broken);
            ps.setString(2, topic);
            ps.execute();
        }
        String fine = fixture.insert(topic, "k", "{\"n\":1}", 12);
        try (var relay = TestRelay.start(fixture, "relay-u", Duration.ofSeconds(20))) {
            assertThat(fixture.read(topic, 1, Duration.ofSeconds(30)))
                    .extracting(r -> new String(r.headers().lastHeader("ce_id").value())).containsExactly(fine);
            var dead = fixture.read(topic + "-dlq", 1, Duration.ofSeconds(10));
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value()))
                    .contains("cannot become a record");
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.outboxRows() == 0);
        }
    }
}
