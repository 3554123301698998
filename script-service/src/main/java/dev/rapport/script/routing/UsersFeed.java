package dev.rapport.script.routing;

import dev.rapport.contract.DirectoryUser;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.platform.kafka.KafkaClientSettings;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Keeps the user directory ({@code directory_user}) from the compacted topic {@code users}: every instance reads
 * every partition from the beginning (no consumer group) and stores what it reads; storing a user again changes
 * nothing, so instances and gateways publishing the same users agree.
 */
@ApplicationScoped
public class UsersFeed {
    private final AgroalDataSource dataSource;
    private final RoutingConfig config;
    private final KafkaClientSettings kafka;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;

    UsersFeed(AgroalDataSource dataSource, RoutingConfig config, KafkaClientSettings kafka) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafka = kafka;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, "users-feed");
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
            own.put(ConsumerConfig.CLIENT_ID_CONFIG, "script-service-users");
            own.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            own.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            Map<String, Object> props = kafka.consumer(own);
            props.keySet().removeIf(k -> k.startsWith("group."));
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(Topics.USERS).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(partitions);
                c.seekToBeginning(partitions);
                while (running) {
                    store(c.poll(Duration.ofMillis(500)));
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                Log.warnf("Users feed paused 1 s: %s", e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void store(ConsumerRecords<String, String> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<String, DirectoryUser> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                continue; // a tombstone: the user is no longer configured; their history keeps their name
            }
            try {
                DirectoryUser user = EventSchemas.USER.parse(KafkaCloudEvents.fromRecord(record).data(),
                        DirectoryUser.class);
                latest.put(user.id(), user);
            } catch (RuntimeException e) {
                Log.warnf("User record at %s-%d@%d not read: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
        try (Connection c = dataSource.getConnection()) {
            DirectoryUsers.upsert(c, new ArrayList<>(latest.values()));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("users not stored: " + e.getMessage(), e);
        }
    }
}
