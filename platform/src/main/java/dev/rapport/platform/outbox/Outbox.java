package dev.rapport.platform.outbox;

import dev.rapport.contract.EventJson;
import dev.rapport.platform.RapportConfig;
import dev.rapport.platform.kafka.RecordTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.MDC;

/**
 * Where a service puts the events of a change: in the same transaction as the change, so both commit or neither does.
 * {@link OutboxRelay} publishes them to Kafka after the commit; this instance's relay is woken right after it.
 */
@ApplicationScoped
public class Outbox {
    public static final String CORRELATION_ID_MDC_KEY = "correlationId";
    private static final String WAKE_REGISTERED = Outbox.class.getName() + ".wake";

    private final String source;
    private final int shards;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final RecordTracing tracing;

    Outbox(@ConfigProperty(name = "quarkus.application.name") String applicationName, RapportConfig config,
           EntityManager em, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
           RecordTracing tracing) {
        this.source = "/rapport/" + applicationName;
        this.shards = config.outbox().shards();
        this.em = em;
        this.transactions = transactions;
        this.relay = relay;
        this.tracing = tracing;
    }

    /**
     * Adds an event to the current transaction.
     *
     * @param topic one of {@link dev.rapport.contract.Topics}
     * @param key   the record key (orders the events of that key)
     * @param type  the CloudEvents type, one of {@link dev.rapport.contract.EventTypes}
     * @param data  the event data, written as JSON
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String publish(String topic, String key, String type, Object data) {
        OutboxEvent event = event(new OutboxMessage(topic, key, type, data));
        event.persist();
        wakeRelayAfterCommit();
        return event.eventId;
    }

    /**
     * Adds many events to the current transaction in one JDBC batch, in list order (the order they are published in
     * per key).
     *
     * @return the event ids, in list order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> publishAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<OutboxEvent> events = new ArrayList<>(messages.size());
        for (OutboxMessage message : messages) {
            events.add(event(message));
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO outbox_event (event_id, topic, "
                    + "record_key, type, source, correlation_id, payload, created_at, shard, traceparent) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (OutboxEvent e : events) {
                    ps.setString(1, e.eventId);
                    ps.setString(2, e.topic);
                    ps.setString(3, e.recordKey);
                    ps.setString(4, e.type);
                    ps.setString(5, e.source);
                    ps.setString(6, e.correlationId);
                    ps.setString(7, e.payload);
                    ps.setTimestamp(8, Timestamp.from(e.createdAt));
                    ps.setInt(9, e.shard);
                    ps.setString(10, e.traceparent);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        wakeRelayAfterCommit();
        return events.stream().map(e -> e.eventId).toList();
    }

    private OutboxEvent event(OutboxMessage message) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID().toString();
        event.topic = message.topic();
        event.recordKey = message.key();
        event.type = message.type();
        event.source = source;
        Object correlationId = message.correlationId() != null ? message.correlationId()
                : MDC.get(CORRELATION_ID_MDC_KEY);
        event.correlationId = correlationId == null ? null : correlationId.toString();
        event.payload = message.data() == null ? null : message.data() instanceof OutboxMessage.Written written
                ? written.json() : EventJson.write(message.data());
        event.createdAt = Instant.now();
        event.shard = OutboxShards.of(event.recordKey, event.eventId, shards);
        event.traceparent = tracing.traceparent(event.recordKey);
        return event;
    }

    /** Once per transaction: the relay looks at the outbox as soon as the rows are visible to it. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
