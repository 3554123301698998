package dev.rapport.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The log of events a consumer has handled. Called first in the transaction that handles an event: when the event
 * was handled before (a redelivery after a crash, a retried post), the handler does nothing.
 */
@ApplicationScoped
public class ProcessedEvents {
    private final EntityManager em;
    private final MeterRegistry registry;

    ProcessedEvents(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.registry = registry;
    }

    /** @return true the first time {@code consumer} sees {@code eventId}; false for a redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = em.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        if (inserted == 0) {
            registry.counter("rapport.events.redelivered", "consumer", consumer).increment();
            return false;
        }
        return true;
    }
}
