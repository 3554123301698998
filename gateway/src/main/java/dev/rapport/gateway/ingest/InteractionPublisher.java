package dev.rapport.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.Topics;
import dev.rapport.platform.web.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Puts interaction events on 'interactions', keyed by interaction id, as the IVR ingest and the IVR adapters do: each
 * event is bounded ({@link InputBounds}) and written as script-service will validate it before any is produced, so a
 * request is refused whole or produced whole, in order; the stage completes once the broker acknowledged all.
 */
@ApplicationScoped
public class InteractionPublisher {
    private final EventProducer producer;
    private final InputBounds bounds;
    private final CorrelationId correlationId;

    InteractionPublisher(EventProducer producer, InputBounds bounds, CorrelationId correlationId) {
        this.producer = producer;
        this.bounds = bounds;
        this.correlationId = correlationId;
    }

    /**
     * An event read from a sender's JSON and validated as script-service will validate it ({@link #read}): its text
     * is what is produced, so it is neither written again nor validated twice.
     */
    public record Read(InteractionEvent event, String json) {
    }

    /**
     * Reads an event a sender posted: bounded, given an {@code occurredAt} when it has none, validated against the
     * contract's schema and mapped as script-service's consumer will (so an accepted event is never dead-lettered
     * later). The caller's node is changed (occurredAt added).
     */
    public Read read(ObjectNode data) {
        if (!data.hasNonNull("occurredAt")) {
            data.put("occurredAt", Instant.now().toString());
        }
        String json = data.toString();
        bounds.checkInteractionEvent(data, json);
        return new Read(EventSchemas.INTERACTION_EVENT.parse(data, InteractionEvent.class), json);
    }

    /** Produces events {@link #read} from a sender, in their order; completes once the broker acknowledged all. */
    public CompletionStage<Void> publishRead(List<Read> events, String source) {
        return produce(events.stream().map(read -> new CloudEvent(read.event().id(),
                EventTypes.interaction(read.event().type()), source, read.event().interactionId(),
                read.event().occurredAt(), read.json())).toList());
    }

    /** @param source the CloudEvents {@code source} naming the way in, e.g. {@code /rapport/gateway/ivr} */
    public CompletionStage<Void> publish(List<InteractionEvent> events, String source) {
        return produce(events.stream().map(event -> envelope(event, source)).toList());
    }

    private CompletionStage<Void> produce(List<CloudEvent> envelopes) {
        String correlation = correlationId.get();
        CompletableFuture<?>[] acked = envelopes.stream()
                .map(envelope -> producer.send(Topics.INTERACTIONS, envelope, correlation).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(acked);
    }

    private CloudEvent envelope(InteractionEvent event, String source) {
        JsonNode json = EventJson.mapper().valueToTree(event);
        bounds.checkInteractionEvent(json);
        // What is produced is validated as script-service will validate it, so an accepted event is never
        // dead-lettered later.
        return new CloudEvent(event.id(), EventTypes.interaction(event.type()), source, event.interactionId(),
                event.occurredAt(), EventSchemas.INTERACTION_EVENT.write(event));
    }
}
