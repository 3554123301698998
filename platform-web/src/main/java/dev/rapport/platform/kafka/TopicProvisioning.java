package dev.rapport.platform.kafka;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * At start, before the messaging channels and the hand-built consumers (later startup priorities): checks the
 * partition counts of Rapport's topics and creates the missing ones unless {@code rapport.kafka.create-topics} is
 * false. Every service runs it, the gateway included.
 */
@ApplicationScoped
public class TopicProvisioning {
    private final KafkaClientSettings clients;
    private final KafkaTopicsConfig config;

    TopicProvisioning(KafkaClientSettings clients, KafkaTopicsConfig config) {
        this.clients = clients;
        this.config = config;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) {
        TopicLayout.Outcome outcome = new TopicLayout(clients, config).ensure(config.createTopics());
        if (!outcome.created().isEmpty()) {
            Log.infof("Created topics %s with %d partitions, replication factor %d", outcome.created(),
                    config.partitions(), config.replicationFactor());
        }
        if (!outcome.missing().isEmpty()) {
            Log.warnf("Topics %s are missing and rapport.kafka.create-topics is false: create them with %d partitions",
                    outcome.missing(), config.partitions());
        }
    }
}
