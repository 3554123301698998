package dev.rapport.bench.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches Rapport's topics from the outside (no consumer group: it assigns itself every partition from the end) and
 * notes, per interaction (the record key), the timestamp of the first record of each mark after the interaction was
 * armed. Record timestamps are the producers' send times (CreateTime), so consecutive marks give each hop's time:
 * e.g. the gateway producing {@code interactions}, script-service's outbox producing {@code action-requests}, ...
 */
public final class HopProbe implements AutoCloseable {

    /** A point on the path: the first record on {@code topic} whose value matches (null: any record). */
    public record Mark(String name, String topic, Predicate<String> value) {
    }

    private record Armed(long sinceMillis, long[] times) {
    }

    private final List<Mark> marks;
    private final Map<String, Armed> armed = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    public HopProbe(String bootstrap, List<Mark> marks) {
        this.marks = List.copyOf(marks);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(8 << 20));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(1 << 20));
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : marks.stream().map(Mark::topic).distinct().toList()) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any interaction is armed
        poller = new Thread(this::poll, "bench-hops");
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts watching {@code key}: records older than {@code sinceMillis} (epoch ms) are ignored. */
    public void arm(String key, long sinceMillis) {
        long[] times = new long[marks.size()];
        Arrays.fill(times, -1);
        armed.put(key, new Armed(sinceMillis, times));
    }

    /** The timestamps of the marks for {@code key} (epoch ms, -1 not seen), or null when it was not armed. */
    public long[] times(String key) {
        Armed a = armed.get(key);
        return a == null ? null : a.times().clone();
    }

    public List<Mark> marks() {
        return marks;
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Armed a = r.key() == null ? null : armed.get(r.key());
                    if (a != null && r.timestamp() >= a.sinceMillis()) {
                        note(a, r);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void note(Armed a, ConsumerRecord<String, byte[]> r) {
        String text = null;
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            if (a.times()[i] >= 0 || !m.topic().equals(r.topic())) {
                continue;
            }
            if (m.value() != null) {
                if (text == null) {
                    text = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
                }
                if (!m.value().test(text)) {
                    continue;
                }
            }
            synchronized (a) {
                a.times()[i] = r.timestamp();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5000);
    }
}
