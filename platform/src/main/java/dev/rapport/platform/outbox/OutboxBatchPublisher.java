package dev.rapport.platform.outbox;

import dev.rapport.contract.RecordSignatures;
import dev.rapport.platform.kafka.RecordTracing;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;

/**
 * Publishes one batch of the outbox rows of some shards, in id order, and deletes exactly the rows that are done: the
 * broker acknowledged them, or they can never be published and their dead-letter record was acknowledged. A row the
 * broker did not acknowledge for a passing reason stays, and so do the later rows of its shard not yet sent, for the
 * next round; rows already acknowledged are deleted even when a row before them failed, so nothing is sent twice.
 */
final class OutboxBatchPublisher {
    private final Producer<String, String> producer;
    private final int maxRequestSize;
    private final Optional<RecordSignatures> signatures;
    private final Set<String> signedTopics;
    private final RelayMetrics metrics;
    private final RecordTracing tracing;

    record Result(int read, int published, int deadLettered, int kept, Instant oldest) {
        static final Result NONE = new Result(0, 0, 0, 0, null);
    }

    OutboxBatchPublisher(Producer<String, String> producer, int maxRequestSize, Optional<RecordSignatures> signatures,
                         Set<String> signedTopics, RelayMetrics metrics, RecordTracing tracing) {
        this.producer = producer;
        this.maxRequestSize = maxRequestSize;
        this.signatures = signatures;
        this.signedTopics = signedTopics;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    Result publish(Connection c, Set<Integer> shards, int batchSize) throws SQLException {
        if (shards.isEmpty()) {
            return Result.NONE;
        }
        List<OutboxRow> rows = read(c, shards, batchSize);
        if (rows.isEmpty()) {
            return Result.NONE;
        }
        List<OutboxRow> sentRows = new ArrayList<>(rows.size());
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        List<RecordTracing.Send> traces = new ArrayList<>(rows.size());
        List<Dead> dead = new ArrayList<>();
        Set<Integer> held = new HashSet<>(); // shards with a row kept back this round: their later rows wait too
        for (OutboxRow row : rows) {
            if (held.contains(row.shard())) {
                continue;
            }
            Optional<ProducerRecord<String, String>> record;
            try {
                record = record(row);
            } catch (RuntimeException unbuildable) {
                // a row that can never become a record must not hold back every row behind it
                dead.add(new Dead(row, DeadLetterReason.invalid(unbuildable)));
                continue;
            }
            if (record.isEmpty()) {
                held.add(row.shard());
                continue;
            }
            // the trace of the transaction that wrote the row goes on in the record (not part of the signature)
            RecordTracing.Send trace = tracing.send(row.topic(), record.get().headers(), row.traceparent());
            int size = serializedSize(record.get());
            if (size > maxRequestSize) {
                trace.acknowledged(new RecordTooLargeException("record of " + size + " bytes"));
                dead.add(new Dead(row, DeadLetterReason.tooLarge(size, maxRequestSize)));
                continue;
            }
            sentRows.add(row);
            traces.add(trace);
            sends.add(producer.send(record.get()));
        }
        producer.flush();
        List<Long> done = new ArrayList<>(rows.size());
        int published = 0;
        for (int i = 0; i < sends.size(); i++) {
            OutboxRow row = sentRows.get(i);
            try {
                sends.get(i).get();
                traces.get(i).acknowledged(null);
                done.add(row.id());
                published++;
            } catch (ExecutionException e) {
                traces.get(i).acknowledged(e.getCause());
                if (neverPublishable(e.getCause())) {
                    dead.add(new Dead(row, DeadLetterReason.rejected(e.getCause())));
                } else {
                    Log.warnf("Outbox event %s (row %d) not acknowledged, sent again next round: %s", row.eventId(),
                            row.id(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int deadLettered = deadLetter(dead, done);
        delete(c, done);
        metrics.published(published);
        return new Result(rows.size(), published, deadLettered, rows.size() - done.size(), rows.get(0).createdAt());
    }

    private List<OutboxRow> read(Connection c, Set<Integer> shards, int batchSize) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + OutboxRow.COLUMNS
                + " FROM outbox_event WHERE shard = ANY(?) ORDER BY id LIMIT ?")) {
            ps.setArray(1, c.createArrayOf("integer", shards.toArray()));
            ps.setInt(2, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(OutboxRow.read(rs));
                }
            }
        }
        return rows;
    }

    private Optional<ProducerRecord<String, String>> record(OutboxRow row) {
        ProducerRecord<String, String> record = row.toRecord();
        if (!signedTopics.contains(row.topic())) {
            return Optional.of(record);
        }
        if (signatures.isEmpty()) {
            Log.errorf("Outbox event %s for '%s' waits: that topic is signed and no key is set "
                    + "(RAPPORT_EVENTS_SIGNING_KEY)", row.eventId(), row.topic());
            return Optional.empty();
        }
        return Optional.of(signatures.get().sign(record));
    }

    /** The size the producer checks against max.request.size, computed the way it does. */
    static int serializedSize(ProducerRecord<String, String> record) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        byte[] value = record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                key, value, record.headers().toArray());
    }

    /** Errors that sending again cannot cure: the record itself is refused. */
    private static boolean neverPublishable(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof InvalidRecordException
                || cause instanceof SerializationException;
    }

    private record Dead(OutboxRow row, DeadLetterReason reason) {
    }

    /** Sends the dead-letter records; a row is done once its dead-letter record was acknowledged. */
    private int deadLetter(List<Dead> dead, List<Long> done) {
        if (dead.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(dead.size());
        for (Dead d : dead) {
            sends.add(producer.send(DeadLetters.of(d.row(), d.reason())));
        }
        producer.flush();
        int count = 0;
        for (int i = 0; i < dead.size(); i++) {
            Dead d = dead.get(i);
            try {
                sends.get(i).get();
                done.add(d.row().id());
                count++;
                metrics.deadLettered(d.reason());
                Log.warnf("Outbox event %s (%s, key %s) dead-lettered to %s-dlq: %s", d.row().eventId(),
                        d.row().type(), d.row().key(), d.row().topic(), d.reason().detail());
            } catch (ExecutionException e) {
                Log.warnf("Dead-letter record of outbox event %s not acknowledged, tried again next round: %s",
                        d.row().eventId(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return count;
    }

    private static void delete(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_event WHERE id = ANY(?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }

}
