package dev.rapport.action.requests;

import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.platform.inbox.ConsumedCorrelation;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads 'action-requests'. A record that is not a valid request is nacked and goes to 'action-requests-dlq' with the
 * reason; a request for an unknown action, or whose action fails, is answered with a failed result instead.
 */
@ApplicationScoped
public class ActionRequestConsumer {
    private final ActionRequestService requests;

    ActionRequestConsumer(ActionRequestService requests) {
        this.requests = requests;
    }

    @Incoming("action-requests")
    @Blocking(ordered = false)
    @ActivateRequestContext
    public void consume(ConsumerRecord<String, String> record) {
        try (var correlation = ConsumedCorrelation.of(record)) {
            requests.handle(KafkaCloudEvents.fromRecord(record));
        }
    }
}
