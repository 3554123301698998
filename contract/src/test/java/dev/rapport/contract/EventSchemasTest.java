package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    @Test
    void startedEventParsesIntoTheRecord() {
        InteractionEvent event = EventSchemas.INTERACTION_EVENT.parse("""
                {"id":"e1","type":"started","interactionId":"i1","ani":"7204276664","dnis":"8005551234",
                 "occurredAt":"2026-11-27T10:00:00Z","attributes":{"Reason":"billing"}}""", InteractionEvent.class);

        assertThat(event.type()).isEqualTo(InteractionEvent.Kind.STARTED);
        assertThat(event.ani()).isEqualTo("7204276664");
        assertThat(event.attributes()).containsEntry("Reason", "billing");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    void startedEventWithoutAniNamesTheField() {
        assertThatThrownBy(() -> EventSchemas.INTERACTION_EVENT.parse(
                "{\"id\":\"e1\",\"type\":\"started\",\"interactionId\":\"i1\"}", InteractionEvent.class))
                .isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(((InvalidEventException) e).violations())
                        .anySatisfy(v -> assertThat(v.field()).isEqualTo("/ani")));
    }

    @Test
    void wrongTypesAndUnknownFieldsAreEachNamed() {
        InvalidEventException error = (InvalidEventException) org.junit.jupiter.api.Assertions.assertThrows(
                InvalidEventException.class, () -> EventSchemas.INTERACTION_EVENT.parse("""
                        {"id":"e1","type":"started","interactionId":"i1","ani":"1",
                         "attributes":{"Reason":7},"colour":"blue"}""", InteractionEvent.class));

        assertThat(error.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("/attributes/Reason"));
        assertThat(error.violations()).anySatisfy(v -> assertThat(v.toString()).contains("colour"));
    }

    @Test
    void unknownEventTypeAndNonJsonAreRefused() {
        assertThatThrownBy(() -> EventSchemas.INTERACTION_EVENT.parse(
                "{\"id\":\"e1\",\"type\":\"exploded\",\"interactionId\":\"i1\"}", InteractionEvent.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/type");
        assertThatThrownBy(() -> EventSchemas.INTERACTION_EVENT.parse("{not json", InteractionEvent.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not JSON");
    }

    @Test
    void sessionStateWrittenByEventJsonMeetsItsSchema() {
        SessionState state = new SessionState("i1", 1, "alerting", "7204276664", "8005551234",
                Map.of("Reason", "billing"), null, null, Instant.parse("2026-11-27T10:00:00Z"));

        String json = EventJson.write(state);

        assertThat(EventSchemas.SESSION_UPDATED.parse(json, SessionState.class)).isEqualTo(state);
        assertThat(json).contains("\"updatedAt\":\"2026-11-27T10:00:00Z\"").doesNotContain("queue");
    }

    @Test
    void cloudEventTypeCarriesTheSchemaVersion() {
        assertThat(EventTypes.interaction(InteractionEvent.Kind.ATTRIBUTES_SET))
                .isEqualTo("rapport.interaction.attributesSet.v1");
    }
}
