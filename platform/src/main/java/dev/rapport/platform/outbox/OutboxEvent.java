package dev.rapport.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event waiting in the outbox for the relay. Its id orders the events of one service. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    @Column(name = "correlation_id")
    public String correlationId;

    /** The W3C trace context of the transaction that wrote the row, for the record's headers; null untraced. */
    public String traceparent;

    /** Null for a tombstone. */
    public String payload;

    /** See {@link OutboxShards}: which relay instance publishes this event. */
    @Column(nullable = false)
    public int shard;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
