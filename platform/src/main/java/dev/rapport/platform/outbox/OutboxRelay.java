package dev.rapport.platform.outbox;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.ReliableProducers;
import dev.rapport.platform.RapportConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;

/**
 * Publishes the outbox to Kafka. It sleeps on PostgreSQL LISTEN and wakes when a transaction that wrote outbox rows
 * commits, sends the rows in id order (so in commit order per key) with an idempotent producer, and deletes each row
 * once the broker has acknowledged it. A crash between send and delete re-sends; consumers drop the duplicate by id.
 * With several instances, a PostgreSQL advisory lock lets one relay at a time publish, which keeps per-key order.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final String CHANNEL = "rapport_outbox";
    private static final long LOCK_ID = 0x52415050_4f525431L; // "RAPPORT1"

    private final AgroalDataSource dataSource;
    private final RapportConfig config;
    private final String bootstrapServers;
    private final String clientId;
    private final Counter published;
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;

    OutboxRelay(AgroalDataSource dataSource, RapportConfig config, MeterRegistry registry,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-outbox-relay";
        this.published = registry.counter("rapport.outbox.published");
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.outbox().relayEnabled()) {
            Log.info("Outbox relay disabled");
            return;
        }
        producer = ReliableProducers.create(bootstrapServers, clientId, 30_000);
        running = true;
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close();
        }
    }

    private void run() {
        long backoffMillis = 100;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                boolean leader = false;
                while (running) {
                    if (!leader) {
                        leader = tryLock(connection);
                    }
                    if (leader) {
                        while (running && drainBatch(connection) == config.outbox().batchSize()) {
                            // a full batch: more may be waiting
                        }
                    }
                    // Wakes on the commit of any transaction that wrote outbox rows, or after the poll interval.
                    pg.getNotifications((int) config.outbox().pollInterval().toMillis());
                }
                backoffMillis = 100;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.warnf("Outbox relay paused %d ms: %s", backoffMillis, e.getMessage());
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK_ID);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Publishes up to one batch and deletes what the broker acknowledged; returns how many rows it read. */
    int drainBatch(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, event_id, topic, record_key, type, source, correlation_id, payload, created_at "
                        + "FROM outbox_event ORDER BY id LIMIT ?")) {
            ps.setInt(1, config.outbox().batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CloudEvent event = new CloudEvent(rs.getString("event_id"), rs.getString("type"),
                            rs.getString("source"), rs.getString("record_key"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("payload"));
                    ProducerRecord<String, String> record = KafkaCloudEvents.toRecord(rs.getString("topic"), event,
                            rs.getString("correlation_id"));
                    ids.add(rs.getLong("id"));
                    sends.add(producer.send(record));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer.flush();
        List<Long> acknowledged = new ArrayList<>(ids.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get();
                acknowledged.add(ids.get(i));
            } catch (ExecutionException e) {
                Log.warnf("Outbox event %d not acknowledged, will be sent again: %s", ids.get(i), e.getCause());
                break; // keep order: the rest goes again in the next round
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        delete(connection, acknowledged);
        published.increment(acknowledged.size());
        if (acknowledged.size() < ids.size()) {
            throw new IllegalStateException("broker did not acknowledge every outbox event");
        }
        return ids.size();
    }

    private static void delete(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
