package dev.rapport.action.requests;

import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.failure.KafkaFailures;
import dev.rapport.platform.inbox.ConsumedCorrelation;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads 'action-requests'. A record that can never succeed (not a valid request, a failure of its own) is nacked and
 * goes to 'action-requests-dlq' with the reason; a request for an unknown action, or whose action fails, is answered
 * with a failed result instead. When the system fails (the database, the broker) the record is not dead-lettered: it
 * is handled again after a pause, until it succeeds, which is safe as a request is idempotent by its id.
 * {@link KafkaFailures} tells the two apart.
 */
@ApplicationScoped
public class ActionRequestConsumer {
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final ActionRequestService requests;
    private final Duration firstPause;

    @Inject
    ActionRequestConsumer(ActionRequestService requests) {
        this(requests, FIRST_PAUSE);
    }

    ActionRequestConsumer(ActionRequestService requests, Duration firstPause) {
        this.requests = requests;
        this.firstPause = firstPause;
    }

    @Incoming("action-requests")
    @Blocking(ordered = false)
    @ActivateRequestContext
    public void consume(ConsumerRecord<String, String> record) {
        try (var correlation = ConsumedCorrelation.of(record)) {
            Duration pause = firstPause;
            while (true) {
                try {
                    requests.handle(KafkaCloudEvents.fromRecord(record));
                    return;
                } catch (RuntimeException e) {
                    if (KafkaFailures.judge(e) instanceof KafkaFailures.DeadLetter dead) {
                        // SmallRye's dead-letter queue writes this message as the dead-letter-reason header.
                        throw new RecordRejected(dead.reason(), e);
                    }
                    Log.warnf("Action request %s-%d@%d not handled, the system is failing (%s); again in %d ms",
                            record.topic(), record.partition(), record.offset(), e.getMessage(), pause.toMillis());
                    sleep(pause, e);
                    pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                }
            }
        }
    }

    private static void sleep(Duration pause, RuntimeException failure) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            // Shutting down: give up this delivery; the failure is what the record met.
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /** A record that can never succeed, with the reason it goes to the dead-letter topic. */
    static final class RecordRejected extends RuntimeException {
        RecordRejected(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
