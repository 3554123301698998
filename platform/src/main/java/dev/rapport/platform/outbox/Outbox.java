package dev.rapport.platform.outbox;

import dev.rapport.contract.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * Where a service puts the events of a change: in the same transaction as the change, so both commit or neither does.
 * {@link OutboxRelay} publishes them to Kafka after the commit.
 */
@ApplicationScoped
public class Outbox {
    public static final String CORRELATION_ID_MDC_KEY = "correlationId";

    private final String source;

    Outbox(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.source = "/rapport/" + applicationName;
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
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID().toString();
        event.topic = topic;
        event.recordKey = key;
        event.type = type;
        event.source = source;
        Object correlationId = MDC.get(CORRELATION_ID_MDC_KEY);
        event.correlationId = correlationId == null ? null : correlationId.toString();
        event.payload = EventJson.write(data);
        event.createdAt = Instant.now();
        event.persist();
        return event.eventId;
    }
}
