package dev.rapport.platform.outbox;

import dev.rapport.contract.RecordSignatures;
import dev.rapport.platform.RapportConfig;
import dev.rapport.platform.kafka.KafkaClientSettings;
import dev.rapport.platform.kafka.RecordTracing;
import dev.rapport.platform.kafka.ReliableProducers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes the outbox to Kafka (docs/decisions/0004-outbox-shards.md). The outbox is split into shards by record key;
 * the instances of a service share the shards by leases and each publishes its shards in id order, so one key's
 * events keep their order while several instances publish at once. A commit on this instance wakes its relay at once
 * ({@link Outbox}); rows committed on other instances are found by polling. A record that can never be published goes
 * to the dead-letter topic and the relay goes on.
 */
@ApplicationScoped
public class OutboxRelay {
    /** Bound for the broker's acknowledgement of a batch; well below the lease time, so a lease outlives a round. */
    static final int DELIVERY_TIMEOUT_MS = 12_000;

    private final DataSource dataSource;
    private final MeterRegistry registry;
    private final KafkaClientSettings kafka;
    private final boolean enabled;
    private final Duration stalledAfter;
    private final Duration backlogBound;
    private final RelaySettings settings;
    private final Optional<RecordSignatures> signatures;
    private final RecordTracing tracing;
    private volatile RelayLoop loop;
    private volatile Thread thread;
    private Producer<String, String> producer;

    @Inject
    OutboxRelay(DataSource dataSource, RapportConfig config, MeterRegistry registry,
                KafkaClientSettings kafka, @ConfigProperty(name = "quarkus.application.name") String applicationName,
                RecordTracing tracing) {
        this(dataSource, registry, kafka, config.outbox().relayEnabled(),
                new RelaySettings(applicationName + "-" + UUID.randomUUID().toString().substring(0, 8),
                        config.outbox().shards(), config.outbox().batchSize(), config.outbox().pollInterval(),
                        config.outbox().leaseTtl(), new LinkedHashSet<>(config.outbox().signedTopics()),
                        config.outbox().drainTimeout()),
                config.outbox().stalledAfter(), config.outbox().backlogBound(),
                RecordSignatures.of(config.events().signingKey()), tracing);
    }

    OutboxRelay(DataSource dataSource, MeterRegistry registry, KafkaClientSettings kafka, boolean enabled,
                RelaySettings settings, Duration stalledAfter, Duration backlogBound,
                Optional<RecordSignatures> signatures) {
        this(dataSource, registry, kafka, enabled, settings, stalledAfter, backlogBound, signatures,
                RecordTracing.off());
    }

    OutboxRelay(DataSource dataSource, MeterRegistry registry, KafkaClientSettings kafka, boolean enabled,
                RelaySettings settings, Duration stalledAfter, Duration backlogBound,
                Optional<RecordSignatures> signatures, RecordTracing tracing) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.kafka = kafka;
        this.enabled = enabled;
        this.settings = settings;
        this.stalledAfter = stalledAfter;
        this.backlogBound = backlogBound;
        this.signatures = signatures;
        this.tracing = tracing;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            Log.info("Outbox relay disabled");
            return;
        }
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    void start() {
        producer = ReliableProducers.create(kafka, settings.owner() + "-outbox-relay", DELIVERY_TIMEOUT_MS);
        RelayMetrics metrics = new RelayMetrics(registry);
        OutboxBatchPublisher publisher = new OutboxBatchPublisher(producer, maxRequestSize(), signatures,
                settings.signedTopics(), metrics, tracing);
        loop = new RelayLoop(dataSource, publisher, settings, metrics);
        thread = new Thread(loop, settings.owner() + "-outbox-relay");
        thread.setDaemon(true);
        thread.start();
        Log.infof("Outbox relay %s started: %d shards, poll every %s, signs %s", settings.owner(),
                settings.shards(), settings.pollInterval(), signatures.isPresent() ? settings.signedTopics() : "none");
        if (signatures.isEmpty() && !settings.signedTopics().isEmpty()) {
            Log.warnf("No event signing key (RAPPORT_EVENTS_SIGNING_KEY): outbox events for %s stay in the outbox",
                    settings.signedTopics());
        }
    }

    /**
     * Ends the loop after its round and a last drain of its shards (at most drain-timeout), then gives its leases
     * back so other instances take over at once.
     */
    void stop() {
        RelayLoop current = loop;
        if (current == null) {
            return;
        }
        current.stop();
        try {
            thread.join(DELIVERY_TIMEOUT_MS + settings.drainTimeout().toMillis() + 5_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.releaseLeases();
        producer.close(Duration.ofSeconds(5));
        loop = null;
    }

    /** Called after a commit that wrote outbox rows on this instance. */
    public void wake() {
        RelayLoop current = loop;
        if (current != null) {
            current.wake();
        }
    }

    /** Whether the relay runs, completed a round recently and keeps its backlog young; what readiness reports. */
    public RelayStatus status() {
        if (!enabled) {
            return new RelayStatus(false, true, Duration.ZERO, 0, Duration.ZERO);
        }
        RelayLoop current = loop;
        Thread t = thread;
        if (current == null || t == null) {
            return new RelayStatus(true, false, Duration.ZERO, 0, Duration.ZERO);
        }
        Duration since = current.sinceLastRound();
        Duration backlog = current.backlogAge();
        boolean up = t.isAlive() && since.compareTo(stalledAfter) <= 0 && backlog.compareTo(backlogBound) <= 0;
        return new RelayStatus(true, up, since, current.owned().size(), backlog);
    }

    public record RelayStatus(boolean enabled, boolean up, Duration sinceLastRound, int shardsOwned,
                              Duration backlogAge) {
    }

    private static int maxRequestSize() {
        return (Integer) ProducerConfig.configDef().defaultValues().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    }
}
