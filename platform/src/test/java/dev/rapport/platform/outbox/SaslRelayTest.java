package dev.rapport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.platform.kafka.KafkaClientSettings;
import dev.rapport.testkit.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox relay against a broker that asks for SASL PLAIN: it publishes with the configured credentials only. */
class SaslRelayTest {
    static OutboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new OutboxFixture(TestKafka.startSaslPlain());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void withTheConfiguredCredentialsTheRelayPublishes() {
        String topic = fixture.newTopic(2);
        KafkaClientSettings settings = new KafkaClientSettings(fixture.kafka.clientSettings());
        try (var relay = TestRelay.start(fixture.dataSource(), settings, "relay-sasl", Duration.ofSeconds(20))) {
            String id = fixture.insert(topic, "k", "{\"n\":1}", TestRelay.SHARDS);
            relay.relay().wake();
            await().atMost(Duration.ofSeconds(20)).until(() -> fixture.outboxRows() == 0);
            assertThat(read(settings, topic)).extracting(r -> new String(r.headers().lastHeader("ce_id").value()))
                    .containsExactly(id);
        }
    }

    @Test
    void withWrongCredentialsNothingIsPublishedAndTheInstanceIsNotReady() {
        String topic = fixture.newTopic(2);
        KafkaClientSettings wrong = new KafkaClientSettings(
                fixture.kafka.clientSettings(TestKafka.SASL_USER, "wrong-password"));
        try (var relay = TestRelay.start(fixture.dataSource(), wrong, "relay-wrong", Duration.ofSeconds(20),
                Duration.ofMillis(100), Duration.ofSeconds(2), Optional.empty())) {
            fixture.insert(topic, "k", "{\"n\":2}", TestRelay.SHARDS);
            var readiness = new OutboxRelayReadiness(relay.relay());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> readiness.call().getStatus() == HealthCheckResponse.Status.DOWN);
            assertThat(fixture.outboxRows()).isEqualTo(1);
            assertThat(relay.published()).isZero();
        }
        fixture.execute("DELETE FROM outbox_event");
    }

    private static List<ConsumerRecord<String, String>> read(KafkaClientSettings settings, String topic) {
        Map<String, Object> own = new HashMap<>();
        own.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        own.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings.consumer(own))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
