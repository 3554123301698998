package dev.rapport.gateway.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionCommand.Kind;
import dev.rapport.contract.InteractionCommand.TargetType;
import dev.rapport.contract.InteractionEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the simulated telephony side answers: each answer names its command and meets the events' schema. */
class TelephonyAnswersTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static InteractionCommand transfer(TargetType type, String target) {
        return new InteractionCommand("c-1", Kind.BLIND_TRANSFER, "i-1", NOW, "alex",
                new InteractionCommand.Target(type, target, "Billing"), null, null);
    }

    private static List<InteractionEvent> answers(InteractionCommand command) {
        List<InteractionEvent> events = TelephonyAnswers.to(command, NOW);
        events.forEach(EventSchemas.INTERACTION_EVENT::write); // throws if one does not meet the schema
        return events;
    }

    @Test
    void transfersEndWhereTheyWereSent() {
        InteractionEvent toQueue = answers(transfer(TargetType.QUEUE, "billing")).get(0);
        assertThat(toQueue.type()).isEqualTo(InteractionEvent.Kind.TRANSFERRED);
        assertThat(toQueue.commandId()).isEqualTo("c-1");
        assertThat(toQueue.queue()).isEqualTo(new InteractionEvent.QueueRef("billing", "Billing"));

        assertThat(answers(transfer(TargetType.USER, "blake"))).extracting(InteractionEvent::type)
                .containsExactly(InteractionEvent.Kind.TRANSFERRED, InteractionEvent.Kind.CONNECTED);
        List<InteractionEvent> outside = answers(transfer(TargetType.NUMBER, "+1 555 0100"));
        assertThat(outside).extracting(InteractionEvent::type)
                .containsExactly(InteractionEvent.Kind.TRANSFERRED, InteractionEvent.Kind.ENDED);
        assertThat(outside.get(0).address()).isEqualTo("+1 555 0100");
        assertThat(answers(transfer(TargetType.NUMBER, "nobody")).get(0).reason()).contains("not a number");
    }

    @Test
    void callbacksAndDisconnectsAreAnsweredAndWrapUpsOnlyRecorded() {
        Instant at = NOW.plusSeconds(3600);
        InteractionEvent scheduled = answers(new InteractionCommand("c-2", Kind.SCHEDULE_CALLBACK, "i-1", NOW, "alex",
                null, new InteractionCommand.Callback("5550100", at), null)).get(0);
        assertThat(scheduled.type()).isEqualTo(InteractionEvent.Kind.CALLBACK_SCHEDULED);
        assertThat(scheduled.callback()).isEqualTo(new InteractionEvent.CallbackRef("cb-c-2", "5550100", at));

        InteractionEvent late = answers(new InteractionCommand("c-3", Kind.SCHEDULE_CALLBACK, "i-1", NOW, "alex",
                null, new InteractionCommand.Callback("5550100", NOW.minusSeconds(60)), null)).get(0);
        assertThat(late.type()).isEqualTo(InteractionEvent.Kind.COMMAND_FAILED);
        assertThat(late.reason()).contains("in the past");

        InteractionEvent ended = answers(new InteractionCommand("c-4", Kind.DISCONNECT, "i-1", NOW, "alex", null,
                null, null)).get(0);
        assertThat(ended.type()).isEqualTo(InteractionEvent.Kind.ENDED);
        assertThat(ended.reason()).isEqualTo("disconnected by alex");
        assertThat(answers(new InteractionCommand("c-5", Kind.WRAPUP, "i-1", NOW, "alex", null, null,
                new InteractionCommand.Wrapup("w", "Resolved", null)))).isEmpty();
    }

    @Test
    void aCommandDeliveredTwiceIsAnsweredWithTheSameEventIds() {
        assertThat(answers(transfer(TargetType.USER, "blake"))).extracting(InteractionEvent::id)
                .isEqualTo(answers(transfer(TargetType.USER, "blake")).stream().map(InteractionEvent::id).toList())
                .doesNotHaveDuplicates();
    }
}
