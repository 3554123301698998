package dev.rapport.gateway.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.TopicProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the adapter tests share: the platforms' fixtures, and what one interaction got on 'interactions'. */
public final class AdapterFixtures {
    private AdapterFixtures() {
    }

    /** A fixture under src/test/resources/adapters/, e.g. {@code twilio/incoming-call.form}. */
    public static String fixture(String path) {
        try (InputStream in = AdapterFixtures.class.getClassLoader().getResourceAsStream("adapters/" + path)) {
            assertThat(in).as("fixture adapters/%s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The events produced for {@code interactionId}, in order: waits for {@code expected}, then a moment more for any
     * extra. Each passed the consumer's schema, and its record's CloudEvent id, key and type match the event.
     */
    public static List<InteractionEvent> produced(String bootstrap, String interactionId, int expected) {
        List<ConsumerRecord<String, String>> records = new TopicProbe(bootstrap).read(Topics.INTERACTIONS,
                r -> interactionId.equals(r.key()), expected, Duration.ofSeconds(20), Duration.ofSeconds(2));
        List<InteractionEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            var envelope = KafkaCloudEvents.fromRecord(record);
            JsonNode data = EventJson.read(envelope.data(), JsonNode.class);
            assertThat(EventSchemas.INTERACTION_EVENT.violations(data)).as("record %s", envelope.id()).isEmpty();
            InteractionEvent event = EventJson.read(envelope.data(), InteractionEvent.class);
            assertThat(envelope.id()).isEqualTo(event.id());
            assertThat(envelope.type()).isEqualTo("rapport.interaction." + event.type().wireName() + ".v1");
            assertThat(event.interactionId()).isEqualTo(interactionId);
            events.add(event);
        }
        assertThat(events).as("events of %s", interactionId).hasSize(expected);
        return events;
    }
}
