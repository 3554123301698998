package dev.rapport.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How the services create and check Rapport's topics at start (RAPPORT_KAFKA_...); docs/running.md. */
@ConfigMapping(prefix = "rapport.kafka")
public interface KafkaTopicsConfig {
    /**
     * Partitions of every Rapport topic (RAPPORT_KAFKA_PARTITIONS): missing topics are created with it, and a start
     * fails when an existing topic has another count.
     */
    @WithDefault("12")
    int partitions();

    /** Replicas of each created topic (RAPPORT_KAFKA_REPLICATION_FACTOR): 1 locally, 3 in production. */
    @WithDefault("1")
    short replicationFactor();

    /**
     * {@code min.insync.replicas} of each created topic (RAPPORT_KAFKA_MIN_INSYNC_REPLICAS); unset takes the
     * broker's. With acks=all, 2 of 3 replicas keeps writes safe while one broker is down.
     */
    Optional<Integer> minInsyncReplicas();

    /** Create missing topics at start (RAPPORT_KAFKA_CREATE_TOPICS); false where an operator manages them. */
    @WithDefault("true")
    boolean createTopics();
}
