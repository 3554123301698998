package dev.rapport.script.routing;

import dev.rapport.contract.DirectoryUser;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.platform.kafka.KafkaClientSettings;
import dev.rapport.script.feeds.CompactedTopicFeed;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Keeps the user directory ({@code directory_user}) from the compacted topic {@code users}: every instance reads
 * every partition from the beginning (no consumer group) and stores what it reads; storing a user again changes
 * nothing, so instances and gateways publishing the same users agree.
 */
@ApplicationScoped
public class UsersFeed {
    private final AgroalDataSource dataSource;
    private final RoutingConfig config;
    private final CompactedTopicFeed feed;

    UsersFeed(AgroalDataSource dataSource, RoutingConfig config, KafkaClientSettings kafka) {
        this.dataSource = dataSource;
        this.config = config;
        this.feed = new CompactedTopicFeed(kafka, Topics.USERS, CompactedTopicFeed.From.BEGINNING, "users",
                this::store);
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        if (config.enabled()) {
            feed.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        feed.stop();
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
