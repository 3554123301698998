package dev.rapport.action.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.contract.ActionResult;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The consumer's one decision on a failed delivery: a record that is itself wrong is rejected with the reason that
 * SmallRye writes to 'action-requests-dlq'; a failing database is not the record's fault, so the record is handled
 * again (not dead-lettered) until it succeeds.
 */
class ConsumerFailuresTest {

    @Test
    void invalidInputIsRejectedWithTheReasonNamingTheField() {
        var handler = new ScriptedRequests(List.of(() -> {
            throw InvalidInput.field("/inputs/ANI", "longer than 64 characters");
        }));

        assertThatThrownBy(() -> new ActionRequestConsumer(handler, Duration.ofMillis(1)).consume(record()))
                .isInstanceOf(ActionRequestConsumer.RecordRejected.class)
                .hasMessage("longer than 64 characters (/inputs/ANI)");
        assertThat(handler.calls).isEqualTo(1);
    }

    @Test
    void aFailingDatabaseIsRetriedAndNeverDeadLettered() {
        RuntimeException databaseDown = new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Connection to localhost:5432 refused", "08001"));
        var handler = new ScriptedRequests(List.of(() -> {
            throw databaseDown;
        }, () -> {
            throw databaseDown;
        }, () -> null));

        new ActionRequestConsumer(handler, Duration.ofMillis(1)).consume(record());

        assertThat(handler.calls).as("two failures, then handled").isEqualTo(3);
    }

    private static ConsumerRecord<String, String> record() {
        CloudEvent event = new CloudEvent("e-1", EventTypes.ACTION_REQUESTED, "/test", "i-1", Instant.now(), "{}");
        ProducerRecord<String, String> produced = KafkaCloudEvents.toRecord(Topics.ACTION_REQUESTS, event, null);
        ConsumerRecord<String, String> consumed = new ConsumerRecord<>(produced.topic(), 0, 7, produced.key(),
                produced.value());
        produced.headers().forEach(h -> consumed.headers().add(h));
        return consumed;
    }

    /** Answers each delivery with the next step of a script: a failure to throw, or a result. */
    private static final class ScriptedRequests extends ActionRequestService {
        private final List<Supplier<ActionResult>> steps;
        int calls;

        ScriptedRequests(List<Supplier<ActionResult>> steps) {
            super(null, null, null, null);
            this.steps = new ArrayList<>(steps);
        }

        @Override
        public ActionResult handle(CloudEvent envelope) {
            return steps.get(Math.min(calls++, steps.size() - 1)).get();
        }
    }
}
