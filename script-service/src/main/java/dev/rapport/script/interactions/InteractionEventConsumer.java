package dev.rapport.script.interactions;

import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.platform.inbox.ConsumedCorrelation;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the 'interactions' topic. Records are handled one at a time, in partition order; a record that fails is
 * nacked and goes to 'interactions-dlq' with the reason, so it never blocks the partition.
 */
@ApplicationScoped
public class InteractionEventConsumer {
    private final InteractionService interactions;

    InteractionEventConsumer(InteractionService interactions) {
        this.interactions = interactions;
    }

    @Incoming("interactions")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        try (var correlation = ConsumedCorrelation.of(record)) {
            interactions.handle(KafkaCloudEvents.fromRecord(record));
        }
    }
}
