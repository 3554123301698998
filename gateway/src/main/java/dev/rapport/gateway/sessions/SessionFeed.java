package dev.rapport.gateway.sessions;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.SessionState;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the 'sessions' topic into the {@link SessionBoard}. */
@ApplicationScoped
public class SessionFeed {
    private final SessionBoard board;

    SessionFeed(SessionBoard board) {
        this.board = board;
    }

    @Incoming("sessions")
    public void consume(ConsumerRecord<String, String> record) {
        CloudEvent event = KafkaCloudEvents.fromRecord(record);
        if (!EventTypes.SESSION_UPDATED.equals(event.type())) {
            Log.debugf("Ignoring %s on sessions", event.type());
            return;
        }
        board.offer(EventSchemas.SESSION_UPDATED.parse(event.data(), SessionState.class));
    }
}
