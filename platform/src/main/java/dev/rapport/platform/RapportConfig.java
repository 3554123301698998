package dev.rapport.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rapport's own settings shared by the services with a database; each has an environment variable (RAPPORT_...). */
@ConfigMapping(prefix = "rapport")
public interface RapportConfig {

    Database database();

    Kafka kafka();

    Outbox outbox();

    interface Database {
        /** Create the service's database on the server when it does not exist yet (RAPPORT_DATABASE_CREATE_IF_MISSING). */
        @WithDefault("true")
        boolean createIfMissing();
    }

    interface Kafka {
        /** Create missing topics at start with this many partitions (RAPPORT_KAFKA_PARTITIONS). */
        @WithDefault("12")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        @WithDefault("true")
        boolean createTopics();
    }

    interface Outbox {
        /** Run the relay that publishes the outbox to Kafka (RAPPORT_OUTBOX_RELAY_ENABLED). */
        @WithDefault("true")
        boolean relayEnabled();

        /** Events published per round trip to the broker. */
        @WithDefault("500")
        int batchSize();

        /** Longest wait for a commit notification before the relay looks anyway (a safety net, not the path). */
        @WithDefault("2s")
        Duration pollInterval();
    }
}
