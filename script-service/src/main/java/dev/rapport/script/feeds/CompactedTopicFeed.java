package dev.rapport.script.feeds;

import dev.rapport.platform.kafka.KafkaClientSettings;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of a compacted topic on a daemon thread of its own, with no consumer group (every instance
 * sees every record and commits nothing), and hands each poll's records to its handler. When the broker or the
 * handler fails, it pauses a second and starts over from where it starts (the beginning or the end of the topic).
 */
public final class CompactedTopicFeed {
    /** Where the feed starts reading, at start and after each failure. */
    public enum From {
        /** The whole topic: what was written before this instance started matters. */
        BEGINNING,
        /** Only what is written from now on: what came before is not needed. */
        END
    }

    private final KafkaClientSettings kafka;
    private final String topic;
    private final From from;
    private final String name;
    private final Consumer<ConsumerRecords<String, String>> handler;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;

    /**
     * @param name    names the thread ({@code name-feed}), the Kafka client ({@code script-service-name}) and the log
     *                lines, e.g. {@code users} or {@code row-changes}
     * @param handler called on the feed's thread with each poll's records; an exception pauses the feed and starts it
     *                over
     */
    public CompactedTopicFeed(KafkaClientSettings kafka, String topic, From from, String name,
                              Consumer<ConsumerRecords<String, String>> handler) {
        this.kafka = kafka;
        this.topic = topic;
        this.from = from;
        this.name = name;
        this.handler = handler;
    }

    public void start() {
        running = true;
        Thread thread = new Thread(this::run, name + "-feed");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private void run() {
        while (running) {
            Map<String, Object> own = new HashMap<>();
            own.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            own.put(ConsumerConfig.CLIENT_ID_CONFIG, "script-service-" + name);
            own.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            own.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            Map<String, Object> props = kafka.consumer(own);
            // no group: every instance reads every partition, and commits nothing
            props.keySet().removeIf(k -> k.startsWith("group."));
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(partitions);
                if (from == From.BEGINNING) {
                    c.seekToBeginning(partitions);
                } else {
                    c.seekToEnd(partitions);
                }
                while (running) {
                    handler.accept(c.poll(Duration.ofMillis(500)));
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                Log.warnf("%s feed paused 1 s: %s", label(), e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** {@code row-changes} → {@code Row changes}. */
    private String label() {
        String words = name.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
