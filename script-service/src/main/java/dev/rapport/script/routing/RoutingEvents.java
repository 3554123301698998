package dev.rapport.script.routing;

import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.InteractionEvent.AgentRef;
import dev.rapport.contract.InteractionEvent.Kind;
import dev.rapport.contract.InteractionEvent.QueueRef;
import dev.rapport.contract.Topics;
import dev.rapport.platform.outbox.OutboxMessage;
import java.time.Instant;
import java.util.UUID;

/**
 * The events built-in routing tells the session core on {@code interactions}, through the outbox: the session core
 * stays the only writer of sessions, and routing's change and its event commit together.
 */
final class RoutingEvents {
    private RoutingEvents() {
    }

    /** The interaction is offered to {@code agent} (the directory's entry). */
    static OutboxMessage alerting(String interactionId, QueueRef queue, AgentRef agent) {
        return message(event(Kind.ALERTING, interactionId, queue, agent, null));
    }

    /** The offered agent answered: connected to them, named as the directory names them. */
    static OutboxMessage connected(String interactionId, AgentRef agent) {
        return message(event(Kind.CONNECTED, interactionId, null, agent, null));
    }

    /** Back in the queue, waiting (the offer ran out or was taken back). */
    static OutboxMessage queued(String interactionId, QueueRef queue, String reason) {
        return message(event(Kind.QUEUED, interactionId, queue, null, reason));
    }

    /** Routing gave up (the in-queue timeout): the flow's failure path. */
    static OutboxMessage failed(String interactionId, QueueRef queue, String reason) {
        return message(event(Kind.ROUTING_FAILED, interactionId, queue, null, reason));
    }

    private static InteractionEvent event(Kind kind, String interactionId, QueueRef queue, AgentRef agent,
                                          String reason) {
        return new InteractionEvent(UUID.randomUUID().toString(), kind, interactionId, Instant.now(), null, null,
                null, queue, agent, reason == null ? null : reason.length() > 256 ? reason.substring(0, 256) : reason);
    }

    private static OutboxMessage message(InteractionEvent event) {
        return new OutboxMessage(Topics.INTERACTIONS, event.interactionId(), EventTypes.interaction(event.type()), event);
    }
}
