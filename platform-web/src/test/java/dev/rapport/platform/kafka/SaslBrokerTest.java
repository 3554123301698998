package dev.rapport.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.contract.Topics;
import dev.rapport.testkit.TestKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hand-built clients against a broker that asks for SASL PLAIN: the configured credentials are what gets in. */
class SaslBrokerTest {
    static TestKafka kafka;

    @BeforeAll
    static void start() {
        kafka = TestKafka.startSaslPlain();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void withTheConfiguredCredentialsTopicsAreCreatedAndRecordsFlow() throws Exception {
        KafkaClientSettings settings = new KafkaClientSettings(kafka.clientSettings());

        TopicLayout.Outcome outcome = new TopicLayout(settings, 3, (short) 1, Optional.empty()).ensure(true);
        assertThat(outcome.created()).contains(Topics.INTERACTIONS, Topics.deadLetterOf(Topics.INTERACTIONS));

        try (KafkaProducer<String, String> producer = ReliableProducers.create(settings, "sasl-test", 10_000)) {
            producer.send(new ProducerRecord<>(Topics.INTERACTIONS, "i-1", "hello")).get(10, TimeUnit.SECONDS);
        }
        Map<String, Object> own = new HashMap<>();
        own.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        own.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings.consumer(own))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INTERACTIONS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            assertThat(values).containsExactly("hello");
        }
    }

    @Test
    void withWrongCredentialsTheStartFailsSayingSoWithoutTheSecret() {
        KafkaClientSettings wrong = new KafkaClientSettings(
                kafka.clientSettings(TestKafka.SASL_USER, "not-the-password"));

        assertThatThrownBy(() -> new TopicLayout(wrong, 3, (short) 1, Optional.empty()).ensure(true))
                .hasMessageContaining("refused this service's credentials")
                .hasMessageContaining(kafka.bootstrapServers())
                .hasMessageContaining("KAFKA_SASL_JAAS_CONFIG")
                .hasMessageNotContaining("not-the-password");
    }
}
