package dev.rapport.bench.stages;

import dev.rapport.bench.load.Latencies;
import dev.rapport.bench.load.OpenLoop;
import dev.rapport.bench.load.Summary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baseline of the screen pop: one record produced (acks=all, as the services produce) and consumed back on the
 * same broker, on a topic of the bench's own with the same partition count as Rapport's, at the same arrival rate.
 * The latency is from the record's intended send time to its receipt by the consumer.
 */
public final class KafkaRoundTrip implements AutoCloseable {
    public static final String TOPIC = "rapport-bench-roundtrip";
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;

    public KafkaRoundTrip(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 12, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(c);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(TOPIC, Duration.ofSeconds(10))
                .forEach(info -> partitions.add(new TopicPartition(TOPIC, info.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** {@code plan.count()} records at {@code plan.rate()}; waits at most {@code drain} after the last. */
    public Summary run(String name, OpenLoop.Plan plan, Duration drain) throws InterruptedException {
        String run = UUID.randomUUID().toString();
        AtomicLongArray due = new AtomicLongArray(plan.count());
        Latencies latencies = new Latencies(name);
        CountDownLatch done = new CountDownLatch(plan.count());
        AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
        // The consumer is not thread-safe and must not be interrupted: one poller, stopped by a deadline.
        Thread poller = new Thread(() -> {
            while (done.getCount() > 0 && System.nanoTime() < stopAt.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String v = r.value();
                    if (v != null && v.startsWith(run)) {
                        latencies.record(due.get(Integer.parseInt(v.substring(run.length() + 1))), now);
                        done.countDown();
                    }
                }
            }
        }, "bench-kafka-rtt");
        poller.start();
        OpenLoop.run(plan, (i, d) -> {
            due.set(i, d);
            producer.send(new ProducerRecord<>(TOPIC, run + i, run + ":" + i), (meta, error) -> {
                if (error != null) {
                    latencies.error();
                    done.countDown();
                }
            });
        });
        stopAt.set(System.nanoTime() + drain.toNanos());
        poller.join(drain.toMillis() + 2000);
        return latencies.summarize(plan.count(), plan.rate());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }
}
