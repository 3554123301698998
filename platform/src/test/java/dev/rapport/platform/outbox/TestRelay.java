package dev.rapport.platform.outbox;

import dev.rapport.contract.RecordSignatures;
import dev.rapport.platform.kafka.KafkaClientSettings;
import dev.rapport.platform.kafka.RecordTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** A relay instance as a service runs it, on the fixture's database and broker. */
record TestRelay(OutboxRelay relay, SimpleMeterRegistry registry) implements AutoCloseable {
    static final int SHARDS = 12;
    static final String SIGNING_KEY = "a-test-key-of-at-least-32-characters!!";

    static TestRelay start(OutboxFixture f, String owner, Duration leaseTtl) {
        return start(f.dataSource(), KafkaClientSettings.bootstrap(f.bootstrapServers()), owner, leaseTtl);
    }

    static TestRelay start(DataSource dataSource, KafkaClientSettings kafka, String owner, Duration leaseTtl) {
        return start(dataSource, kafka, owner, leaseTtl, Duration.ofMillis(100), Duration.ofSeconds(60),
                Optional.of(new RecordSignatures(SIGNING_KEY)));
    }

    /** With its poll interval, the age of backlog readiness tolerates, and its signing key (or none). */
    static TestRelay start(DataSource dataSource, KafkaClientSettings kafka, String owner, Duration leaseTtl,
                           Duration pollInterval, Duration backlogBound, Optional<RecordSignatures> signatures) {
        return start(dataSource, kafka, owner, leaseTtl, pollInterval, backlogBound, signatures, RecordTracing.off());
    }

    /** The same, tracing with {@code tracing}. */
    static TestRelay start(DataSource dataSource, KafkaClientSettings kafka, String owner, Duration leaseTtl,
                           Duration pollInterval, Duration backlogBound, Optional<RecordSignatures> signatures,
                           RecordTracing tracing) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(dataSource, registry, kafka, true,
                new RelaySettings(owner, SHARDS, 50, pollInterval, leaseTtl, Set.of("sessions"),
                        leaseTtl.dividedBy(2)),
                Duration.ofSeconds(5), backlogBound, signatures, tracing);
        relay.start();
        return new TestRelay(relay, registry);
    }

    double published() {
        return registry.counter("rapport.outbox.published").count();
    }

    @Override
    public void close() {
        relay.stop();
    }
}
