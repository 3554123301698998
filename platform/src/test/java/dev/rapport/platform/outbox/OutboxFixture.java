package dev.rapport.platform.outbox;

import dev.rapport.testkit.TestKafka;
import dev.rapport.testkit.TestPostgres;
import dev.rapport.testkit.TopicProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** A real broker and a fresh database with the platform's schema, and what the outbox tests do with them. */
final class OutboxFixture implements AutoCloseable {
    final TestKafka kafka;
    final TopicProbe probe;
    final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    final String jdbcUrl;

    OutboxFixture() {
        this(TestKafka.start());
    }

    /** On this broker (its client settings, SASL included, reach it; the probe speaks plaintext only). */
    OutboxFixture(TestKafka kafka) {
        this.kafka = kafka;
        this.probe = new TopicProbe(kafka.bootstrapServers());
        TestPostgres pg = TestPostgres.get();
        jdbcUrl = pg.newDatabase("outbox");
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(pg.user());
        dataSource.setPassword(pg.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
    }

    DataSource dataSource() {
        return dataSource;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A fresh topic and its dead-letter topic, so each test reads only what it wrote. */
    String newTopic(int partitions) {
        String topic = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> props = new java.util.HashMap<>(kafka.clientSettings());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1),
                    new NewTopic(topic + "-dlq", 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return topic;
    }

    /** Writes an outbox row as {@link Outbox#publish} does, in its own transaction; returns the event id. */
    String insert(String topic, String key, String payload, int shards) {
        String eventId = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_event "
                     + "(event_id, topic, record_key, type, source, payload, shard) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, eventId);
            ps.setString(2, topic);
            ps.setString(3, key);
            ps.setString(4, "test.event");
            ps.setString(5, "/test");
            ps.setString(6, payload);
            ps.setInt(7, OutboxShards.of(key, eventId, shards));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    /** As {@link #insert}, written in a transaction traced as {@code traceparent} (null: untraced). */
    String insertTraced(String topic, String key, String payload, int shards, String traceparent) {
        String eventId = insert(topic, key, payload, shards);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET traceparent = ? WHERE event_id = ?")) {
            ps.setString(1, traceparent);
            ps.setString(2, eventId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    long outboxRows() {
        return count("SELECT count(*) FROM outbox_event");
    }

    long count(String sql) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<ConsumerRecord<String, String>> read(String topic, int expected, Duration timeout) {
        return probe.read(topic, r -> true, expected, timeout, Duration.ofSeconds(2));
    }

    static Map<String, String> none() {
        return Map.of();
    }

    @Override
    public void close() {
        kafka.close();
    }
}
