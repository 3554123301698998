package dev.rapport.script.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.platform.kafka.KafkaClientSettings;
import dev.rapport.testkit.TestKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A session consumer thread against a real broker: a stop in the middle of a batch, and the lag readiness reads. */
class SessionConsumerWorkerTest {
    static TestKafka kafka;
    static KafkaClientSettings settings;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start();
        settings = KafkaClientSettings.bootstrap(kafka.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aStopInTheMiddleOfABatchFinishesItCommitsItsOffsetsAndLeavesTheGroup() throws Exception {
        String topic = topicWith(40);
        String group = "g-" + UUID.randomUUID();
        CountDownLatch inBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Map<TopicPartition, Long> handled = new ConcurrentHashMap<>();
        SessionConsumerWorker worker = new SessionConsumerWorker("w-stop", consumer(group, 10), List.of(topic),
                Duration.ZERO, polled -> {
                    inBatch.countDown();
                    waitFor(release);
                    for (ConsumerRecord<String, String> r : polled) {
                        handled.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
                    }
                });
        worker.start();
        assertThat(inBatch.await(30, TimeUnit.SECONDS)).isTrue();

        worker.stop(); // as the ShutdownEvent does, while the batch is being applied
        release.countDown();
        worker.join(Duration.ofSeconds(30));

        assertThat(worker.alive()).isFalse();
        assertThat(handled).isNotEmpty();
        try (Admin admin = Admin.create(settings.admin(Map.of()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            // exactly what was handled is committed: nothing comes again, nothing is skipped
            Map<TopicPartition, Long> committedOffsets = new HashMap<>();
            committed.forEach((tp, o) -> committedOffsets.put(tp, o.offset()));
            assertThat(committedOffsets).isEqualTo(handled);
            // the member left: its partitions go to the other instances now, not after the session timeout
            assertThat(admin.describeConsumerGroups(List.of(group)).all().get().get(group).members()).isEmpty();
        }
    }

    @Test
    void itsLagIsWhatItHasNotPolledYet() throws Exception {
        String topic = topicWith(60);
        CountDownLatch release = new CountDownLatch(1);
        SessionConsumerWorker worker = new SessionConsumerWorker("w-lag", consumer("g-" + UUID.randomUUID(), 5),
                List.of(topic), Duration.ZERO, polled -> waitFor(release));
        worker.start();
        try {
            // held in its first batch of 5: the rest of what the partition holds is behind
            await().atMost(Duration.ofSeconds(30)).until(() -> worker.lag() > 0);
            assertThat(worker.lag()).isBetween(1L, 55L);
            assertThat(SessionConsumersReadiness.ready(true, worker.lag(), 10)).isFalse();

            release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> worker.lag() == 0);
            assertThat(SessionConsumersReadiness.ready(true, worker.lag(), 10)).isTrue();
            assertThat(SessionConsumersReadiness.ready(false, 0, 10)).isFalse();
        } finally {
            release.countDown();
            worker.stop();
            worker.join(Duration.ofSeconds(30));
        }
    }

    private static Map<String, Object> consumer(String group, int maxPollRecords) {
        Map<String, Object> own = new HashMap<>();
        own.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        own.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        own.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        own.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        own.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        own.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return settings.consumer(own);
    }

    /** A fresh one-partition topic holding {@code records} records. */
    private static String topicWith(int records) throws Exception {
        String topic = "t-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(settings.admin(Map.of()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, Object> own = Map.of("key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings.producer(own))) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
            }
            producer.flush();
        }
        return topic;
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
