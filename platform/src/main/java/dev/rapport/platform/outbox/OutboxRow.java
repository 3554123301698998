package dev.rapport.platform.outbox;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.KafkaCloudEvents;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/** One row of the outbox as the relay reads it. */
record OutboxRow(long id, int shard, String eventId, String topic, String key, String type, String source,
                 String correlationId, String payload, Instant createdAt, String traceparent) {
    static final String COLUMNS = "id, shard, event_id, topic, record_key, type, source, correlation_id, payload, "
            + "created_at, traceparent";

    static OutboxRow read(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getLong("id"), rs.getInt("shard"), rs.getString("event_id"), rs.getString("topic"),
                rs.getString("record_key"), rs.getString("type"), rs.getString("source"),
                rs.getString("correlation_id"), rs.getString("payload"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("traceparent"));
    }

    ProducerRecord<String, String> toRecord() {
        if (payload == null) {
            return KafkaCloudEvents.tombstone(topic, eventId, type, source, key, createdAt, correlationId);
        }
        return KafkaCloudEvents.toRecord(topic, new CloudEvent(eventId, type, source, key, createdAt, payload),
                correlationId);
    }
}
