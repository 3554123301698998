package dev.rapport.script.sessions;

import dev.rapport.contract.DataTableChange;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.platform.kafka.KafkaClientSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Keeps this instance's row cache fresh: reads every partition of {@code datatable-changes} from the moment it starts
 * (no consumer group: each instance sees every change, whichever instance's sessions the change concerns), and tells
 * {@link RowLookups} about each. The cache starts empty, so the changes before the start are not needed.
 */
@ApplicationScoped
public class RowChangesFeed {
    private final RowLookups rows;
    private final SessionsConfig config;
    private final KafkaClientSettings kafka;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    RowChangesFeed(RowLookups rows, SessionsConfig config, KafkaClientSettings kafka) {
        this.rows = rows;
        this.config = config;
        this.kafka = kafka;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "row-changes-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
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
            own.put(ConsumerConfig.CLIENT_ID_CONFIG, "script-service-row-changes");
            own.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            own.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            Map<String, Object> props = kafka.consumer(own);
            // no group: every instance reads every partition, and commits nothing
            props.keySet().removeIf(k -> k.startsWith("group."));
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(Topics.DATATABLE_CHANGES).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(partitions);
                c.seekToEnd(partitions);
                while (running) {
                    for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(500))) {
                        try {
                            rows.onChange(EventSchemas.DATATABLE_CHANGE.parse(
                                    KafkaCloudEvents.fromRecord(record).data(), DataTableChange.class));
                        } catch (RuntimeException e) {
                            Log.debugf("Row change at %s-%d@%d not read: %s", record.topic(), record.partition(),
                                    record.offset(), e.getMessage());
                        }
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // The cache entries expire on their own meanwhile (found-ttl, not-found-ttl).
                Log.warnf("Row changes feed paused 1 s: %s", e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
