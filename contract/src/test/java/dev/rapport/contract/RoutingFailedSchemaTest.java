package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code routingFailed}: routing gave up on a queued interaction, and says why. */
class RoutingFailedSchemaTest {

    @Test
    void aRoutingFailureCarriesItsReason() {
        InteractionEvent failed = EventSchemas.INTERACTION_EVENT.parse("""
                {"id":"e1","type":"routingFailed","interactionId":"i1","reason":"in-queue timeout"}""",
                InteractionEvent.class);
        assertThat(failed.type()).isEqualTo(InteractionEvent.Kind.ROUTING_FAILED);
        assertThat(failed.reason()).isEqualTo("in-queue timeout");
        assertThat(EventTypes.interaction(failed.type())).isEqualTo("rapport.interaction.routingFailed.v1");

        assertThatThrownBy(() -> EventSchemas.INTERACTION_EVENT.parse(
                "{\"id\":\"e1\",\"type\":\"routingFailed\",\"interactionId\":\"i1\"}", InteractionEvent.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/reason");
    }
}
