package dev.rapport.script.sessions;

import dev.rapport.contract.DataTableChange;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.platform.kafka.KafkaClientSettings;
import dev.rapport.script.feeds.CompactedTopicFeed;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Keeps this instance's row cache fresh: reads every partition of {@code datatable-changes} from the moment it starts
 * (no consumer group: each instance sees every change, whichever instance's sessions the change concerns), and tells
 * {@link RowLookups} about each. The cache starts empty, so the changes before the start are not needed.
 */
@ApplicationScoped
public class RowChangesFeed {
    private final RowLookups rows;
    private final SessionsConfig config;
    // The cache entries expire on their own while the feed is paused (found-ttl, not-found-ttl).
    private final CompactedTopicFeed feed;

    RowChangesFeed(RowLookups rows, SessionsConfig config, KafkaClientSettings kafka) {
        this.rows = rows;
        this.config = config;
        this.feed = new CompactedTopicFeed(kafka, Topics.DATATABLE_CHANGES, CompactedTopicFeed.From.END,
                "row-changes", this::tell);
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        if (config.enabled()) {
            feed.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        feed.stop();
    }

    private void tell(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            try {
                rows.onChange(EventSchemas.DATATABLE_CHANGE.parse(KafkaCloudEvents.fromRecord(record).data(),
                        DataTableChange.class));
            } catch (RuntimeException e) {
                Log.debugf("Row change at %s-%d@%d not read: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
    }
}
