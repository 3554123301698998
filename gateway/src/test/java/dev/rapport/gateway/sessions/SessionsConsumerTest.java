package dev.rapport.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.RecordSignatures;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.TestKafka;
import dev.rapport.testkit.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Records produced straight to 'sessions' on a real broker, as anyone on the host could, and read back as the gateway
 * does: only the one signed with script-service's key reaches the board.
 */
class SessionsConsumerTest {
    private static final String KEY = "the-events-signing-key-of-this-test-32+";

    @Test
    void aForgedRecordIsIgnoredAndASignedOneApplied() {
        SessionBoard board = new SessionBoard(Duration.ofMinutes(15), 5_000);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SessionsConsumer feed = new SessionsConsumer(board, registry, Optional.of(KEY));
        String forgedId = "forged-" + UUID.randomUUID();
        String signedId = "signed-" + UUID.randomUUID();
        try (TestKafka kafka = TestKafka.start()) {
            TopicProbe probe = new TopicProbe(kafka.bootstrapServers());
            probe.sendAll(List.of(
                    record(forgedId),
                    new RecordSignatures("an-attacker-guess-at-the-key-32-chars+").sign(record(forgedId + "-2")),
                    new RecordSignatures(KEY).sign(record(signedId))));
            List<ConsumerRecord<String, String>> consumed = probe.read(Topics.SESSIONS, r -> true, 3,
                    Duration.ofSeconds(30), Duration.ofMillis(500));
            assertThat(consumed).hasSize(3);
            consumed.forEach(feed::consume);
        }
        assertThat(board.get(forgedId)).isEmpty();
        assertThat(board.get(forgedId + "-2")).isEmpty();
        assertThat(board.get(signedId)).isPresent();
        assertThat(registry.counter("rapport.sessions.rejected", "reason", "signature").count()).isEqualTo(2.0);
    }

    @Test
    void withoutASigningKeyTheGatewayDoesNotStart() {
        assertThatThrownBy(() -> new SessionsConsumer(new SessionBoard(Duration.ofMinutes(1), 5_000),
                new SimpleMeterRegistry(), Optional.empty())).hasMessageContaining("RAPPORT_EVENTS_SIGNING_KEY");
    }

    private static ProducerRecord<String, String> record(String interactionId) {
        SessionState state = new SessionState(interactionId, 1, "connected", "7204276664", null, Map.of(), null, null,
                Instant.now());
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), EventTypes.SESSION_UPDATED, "/test",
                interactionId, Instant.now(), EventJson.write(state));
        return KafkaCloudEvents.toRecord(Topics.SESSIONS, event, null);
    }
}
