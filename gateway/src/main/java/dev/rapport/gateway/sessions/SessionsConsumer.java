package dev.rapport.gateway.sessions;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.CloudEventHeaders;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.RecordSignatures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the 'sessions' topic into the {@link SessionBoard}. Anyone who reaches the broker can produce to the topic,
 * so only records signed by script-service's outbox relay ({@link RecordSignatures}, key
 * {@code rapport.events.signing-key}) are applied; the others are dropped and counted
 * ({@code rapport_sessions_rejected_total}).
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // without its key the gateway does not start, rather than dropping every session
public class SessionsConsumer {
    private final SessionBoard board;
    private final RecordSignatures signatures;
    private final Counter rejected;
    private final Timer lag;
    private final SessionsCatchUp catchUp = new SessionsCatchUp();

    @Inject
    SessionsConsumer(SessionBoard board, MeterRegistry registry, EventsConfig events) {
        this(board, registry, events.signingKey());
    }

    SessionsConsumer(SessionBoard board, MeterRegistry registry, Optional<String> signingKey) {
        this.board = board;
        this.signatures = RecordSignatures.of(signingKey).orElseThrow(() -> new IllegalStateException(
                "Set RAPPORT_EVENTS_SIGNING_KEY (rapport.events.signing-key) to script-service's event signing key: "
                        + "the gateway applies only signed 'sessions' records"));
        this.rejected = registry.counter("rapport.sessions.rejected", "reason", "signature");
        this.lag = Timer.builder("rapport.sessions.consume.lag")
                .description("From script-service publishing a state on 'sessions' to this gateway holding it")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public SessionsCatchUp catchUp() {
        return catchUp;
    }

    @Incoming("sessions")
    public void consume(ConsumerRecord<String, String> record) {
        try {
            apply(record);
        } finally {
            catchUp.applied(new org.apache.kafka.common.TopicPartition(record.topic(), record.partition()),
                    record.offset());
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (!signatures.verify(record)) {
            rejected.increment();
            Log.warnf("Dropped a 'sessions' record without a valid signature (partition %d, offset %d, key %s, "
                    + "event %s)", record.partition(), record.offset(), record.key(),
                    KafkaCloudEvents.header(record.headers(), CloudEventHeaders.ID));
            return;
        }
        if (record.value() == null) {
            // script-service's tombstone of an interaction that ended a while ago
            board.forget(record.key());
            return;
        }
        CloudEvent event = KafkaCloudEvents.fromRecord(record);
        if (!EventTypes.SESSION_UPDATED.equals(event.type())) {
            Log.debugf("Ignoring %s on sessions", event.type());
            return;
        }
        // Signed by script-service, which wrote it from its typed record: only its head is read, and its text is kept
        // as it is to be sent to the browsers (validating or re-writing every full page cost more than everything
        // else the gateway does with a state).
        lag.record(Math.max(0, System.currentTimeMillis() - record.timestamp()), TimeUnit.MILLISECONDS);
        board.offer(HeldSession.read(event.data(), record.timestamp()));
    }
}
