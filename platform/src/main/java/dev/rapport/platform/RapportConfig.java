package dev.rapport.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rapport's own settings shared by the services with a database; each has an environment variable (RAPPORT_...). */
@ConfigMapping(prefix = "rapport")
public interface RapportConfig {

    Database database();

    Outbox outbox();

    Events events();

    Retention retention();

    interface Database {
        /** Create the service's database on the server when it does not exist yet (RAPPORT_DATABASE_CREATE_IF_MISSING). */
        @WithDefault("true")
        boolean createIfMissing();
    }

    interface Outbox {
        /** Run the relay that publishes the outbox to Kafka (RAPPORT_OUTBOX_RELAY_ENABLED). */
        @WithDefault("true")
        boolean relayEnabled();

        /** Events published per round trip to the broker. */
        @WithDefault("500")
        int batchSize();

        /**
         * How often the relay looks for rows committed by other instances (RAPPORT_OUTBOX_POLL_INTERVAL); rows this
         * instance commits wake it at once.
         */
        @WithDefault("200ms")
        Duration pollInterval();

        /**
         * Shards the outbox is split into; the relay instances share them (RAPPORT_OUTBOX_SHARDS). The same on every
         * instance of a service; change it only with the outbox empty (docs/decisions/0004-outbox-shards.md).
         */
        @WithDefault("12")
        int shards();

        /**
         * How long a shard stays with an instance that stopped renewing it (RAPPORT_OUTBOX_LEASE_TTL): the takeover
         * time after a crash. Longer than a round can take (two broker acknowledgements of at most 12 s each).
         */
        @WithDefault("30s")
        Duration leaseTtl();

        /** Topics whose records the relay signs (RAPPORT_OUTBOX_SIGNED_TOPICS); needs rapport.events.signing-key. */
        @WithDefault("sessions")
        List<String> signedTopics();

        /** Readiness is DOWN when the relay completed no round for this long (RAPPORT_OUTBOX_STALLED_AFTER). */
        @WithDefault("30s")
        Duration stalledAfter();

        /**
         * Readiness is DOWN while a row of this instance's shards has waited longer than this to be published
         * (RAPPORT_OUTBOX_BACKLOG_BOUND): the broker refuses the relay, or it cannot keep up. Longer than lease-ttl,
         * so rows taken over from a crashed instance do not make the new owner unready.
         */
        @WithDefault("60s")
        Duration backlogBound();

        /**
         * On shutdown, how long the relay may go on publishing what its shards hold before it gives them back
         * (RAPPORT_OUTBOX_DRAIN_TIMEOUT); shorter than lease-ttl.
         */
        @WithDefault("10s")
        Duration drainTimeout();
    }

    interface Events {
        /**
         * The HMAC key of signed topics (RAPPORT_EVENTS_SIGNING_KEY), at least 32 characters, the same in the producer
         * and its consumers. No default outside the dev, test and demo profiles.
         */
        Optional<String> signingKey();
    }

    interface Retention {
        /** Run the retention job (RAPPORT_RETENTION_ENABLED). */
        @WithDefault("true")
        boolean enabled();

        /** How often it runs (RAPPORT_RETENTION_PERIOD). */
        @WithDefault("1h")
        Duration period();

        /** How long the log of handled events keeps an entry (RAPPORT_RETENTION_PROCESSED_EVENTS). */
        @WithDefault("7d")
        Duration processedEvents();

        /** Rows deleted per statement, so no statement holds locks for long. */
        @WithDefault("5000")
        int batchSize();

        /** More tables to trim: {@code rapport.retention.tables."timeline_entry".column=at}, {@code .keep=30d}. */
        Map<String, Table> tables();

        interface Table {
            /** The timestamp column a row's age is read from. */
            String column();

            /** How long a row is kept. */
            Duration keep();
        }
    }
}
