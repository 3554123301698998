package dev.rapport.script.interactions;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.InvalidEventException;
import dev.rapport.platform.inbox.ProcessedEvents;
import dev.rapport.script.sessions.SessionService;
import dev.rapport.script.sessions.SessionStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Applies an interaction's events to its record and announces the new session state, in one transaction: the
 * record, the handled-event log and the outbox commit together or not at all.
 */
@ApplicationScoped
public class InteractionService {
    static final String CONSUMER = "script-service.interactions";

    private final ProcessedEvents processed;
    private final SessionService sessions;
    private final SessionStore store;

    InteractionService(ProcessedEvents processed, SessionService sessions, SessionStore store) {
        this.processed = processed;
        this.sessions = sessions;
        this.store = store;
    }

    /** @return false when the event was handled before and so changed nothing */
    @Transactional
    public boolean handle(CloudEvent envelope) {
        InteractionEvent event = EventSchemas.INTERACTION_EVENT.parse(envelope.data(), InteractionEvent.class);
        if (!envelope.type().equals(EventTypes.interaction(event.type()))) {
            throw new InvalidEventException("event type and data disagree", List.of(new InvalidEventException.Violation(
                    "ce_type", "'" + envelope.type() + "' but data says '" + event.type().wireName() + "'")));
        }
        if (!processed.firstDelivery(CONSUMER, envelope.id())) {
            Log.debugf("Event %s of interaction %s was handled before", envelope.id(), event.interactionId());
            return false;
        }
        Interaction interaction = store.lockInteraction(event.interactionId());
        if (interaction == null) {
            interaction = new Interaction();
            interaction.id = event.interactionId();
            interaction.state = "alerting";
            interaction.version = 0;
            interaction.updatedAt = Instant.now();
            interaction.persist();
        }
        apply(interaction, event, envelope.time());
        sessions.afterInteractionEvent(interaction, event);
        return true;
    }

    private static void apply(Interaction interaction, InteractionEvent event, Instant at) {
        switch (event.type()) {
            case STARTED -> {
                interaction.ani = event.ani();
                interaction.dnis = event.dnis();
                interaction.startedAt = event.occurredAt() == null ? at : event.occurredAt();
                mergeAttributes(interaction, event);
            }
            case ATTRIBUTES_SET -> mergeAttributes(interaction, event);
            case QUEUED, TRANSFERRED -> {
                interaction.state = "queued";
                interaction.queueId = event.queue().id();
                interaction.queueName = event.queue().name();
                interaction.agentId = null;
                interaction.agentName = null;
                interaction.agentEmail = null;
            }
            case CONNECTED -> {
                interaction.state = "connected";
                interaction.agentId = event.agent().id();
                interaction.agentName = event.agent().name();
                interaction.agentEmail = event.agent().email();
            }
            case ENDED -> interaction.state = "ended";
        }
    }

    private static void mergeAttributes(Interaction interaction, InteractionEvent event) {
        if (event.attributes() != null) {
            var merged = new java.util.LinkedHashMap<>(interaction.attributes);
            merged.putAll(event.attributes());
            interaction.attributes = merged;
        }
    }
}
