package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The 'interaction-commands' contract, its answers on 'interactions', and the agent's End and wrap-up commands. */
class InteractionCommandSchemaTest {

    @Test
    void aTransferWrittenByTheRecordMeetsItsSchemaAndReadsBack() {
        InteractionCommand transfer = new InteractionCommand("c1", InteractionCommand.Kind.BLIND_TRANSFER, "i1",
                Instant.parse("2026-12-01T10:00:00Z"), "alex",
                new InteractionCommand.Target(InteractionCommand.TargetType.QUEUE, "billing", "Billing"), null, null);

        String json = EventSchemas.INTERACTION_COMMAND.write(transfer);

        assertThat(json).contains("\"type\":\"blindTransfer\"").contains("\"target\":{\"type\":\"queue\"");
        assertThat(EventSchemas.INTERACTION_COMMAND.parse(json, InteractionCommand.class)).isEqualTo(transfer);
        assertThat(EventTypes.interactionCommand(transfer.type()))
                .isEqualTo("rapport.interaction-command.blindTransfer.v1");
    }

    @Test
    void eachKindNeedsItsOwnPart() {
        assertThatThrownBy(() -> EventSchemas.INTERACTION_COMMAND.parse(
                "{\"commandId\":\"c1\",\"type\":\"consultTransfer\",\"interactionId\":\"i1\"}",
                InteractionCommand.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/target");
        assertThatThrownBy(() -> EventSchemas.INTERACTION_COMMAND.parse(
                "{\"commandId\":\"c1\",\"type\":\"scheduleCallback\",\"interactionId\":\"i1\"}",
                InteractionCommand.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/callback");
        assertThatThrownBy(() -> EventSchemas.INTERACTION_COMMAND.parse(
                "{\"commandId\":\"c1\",\"type\":\"wrapup\",\"interactionId\":\"i1\"}", InteractionCommand.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/wrapup");
        assertThat(EventSchemas.INTERACTION_COMMAND.parse(
                "{\"commandId\":\"c1\",\"type\":\"disconnect\",\"interactionId\":\"i1\"}", InteractionCommand.class)
                .type()).isEqualTo(InteractionCommand.Kind.DISCONNECT);
    }

    @Test
    void everyFieldIsBounded() {
        String longNotes = "n".repeat(InteractionCommand.MAX_NOTES + 1);
        assertThatThrownBy(() -> EventSchemas.INTERACTION_COMMAND.parse("""
                {"commandId":"c1","type":"wrapup","interactionId":"i1","wrapup":{"code":"x","notes":"%s"}}"""
                .formatted(longNotes), InteractionCommand.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/wrapup/notes");
        assertThatThrownBy(() -> EventSchemas.INTERACTION_COMMAND.parse("""
                {"commandId":"c1","type":"scheduleCallback","interactionId":"i1",
                 "callback":{"number":"%s","scheduledAt":"2026-12-01T10:00:00Z"}}"""
                .formatted("1".repeat(65)), InteractionCommand.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/callback/number");
        assertThatThrownBy(() -> EventSchemas.INTERACTION_COMMAND.parse("""
                {"commandId":"%s","type":"disconnect","interactionId":"i1"}""".formatted("c".repeat(129)),
                InteractionCommand.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/commandId");
        assertThatThrownBy(() -> EventSchemas.INTERACTION_COMMAND.parse("""
                {"commandId":"c1","type":"scheduleCallback","interactionId":"i1",
                 "callback":{"number":"555","scheduledAt":"tomorrow"}}""", InteractionCommand.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/callback/scheduledAt");
    }

    @Test
    void answersNameTheirCommand() {
        InteractionEvent scheduled = EventSchemas.INTERACTION_EVENT.parse("""
                {"id":"e1","type":"callbackScheduled","interactionId":"i1","commandId":"c1",
                 "callback":{"id":"cb-1","number":"+15551234567","scheduledAt":"2026-12-01T15:00:00Z"}}""",
                InteractionEvent.class);
        assertThat(scheduled.commandId()).isEqualTo("c1");
        assertThat(scheduled.callback().scheduledAt()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));

        assertThatThrownBy(() -> EventSchemas.INTERACTION_EVENT.parse(
                "{\"id\":\"e1\",\"type\":\"commandFailed\",\"interactionId\":\"i1\",\"commandId\":\"c1\"}",
                InteractionEvent.class)).isInstanceOf(InvalidEventException.class).hasMessageContaining("/reason");
        // A transfer goes to a queue, an agent or an outside number: one of them is named.
        assertThatThrownBy(() -> EventSchemas.INTERACTION_EVENT.parse(
                "{\"id\":\"e1\",\"type\":\"transferred\",\"interactionId\":\"i1\"}", InteractionEvent.class))
                .isInstanceOf(InvalidEventException.class);
        assertThat(EventSchemas.INTERACTION_EVENT.parse(
                "{\"id\":\"e1\",\"type\":\"transferred\",\"interactionId\":\"i1\",\"address\":\"+15550001111\"}",
                InteractionEvent.class).address()).isEqualTo("+15550001111");
    }

    @Test
    void aWrapUpCommandNamesItsCodeAndBoundsItsNotes() {
        AgentCommand wrapUp = EventSchemas.AGENT_COMMAND.parse("""
                {"id":"a1","type":"wrapUp","interactionId":"i1","agentId":"alex","code":"w1","notes":"Sorted."}""",
                AgentCommand.class);
        assertThat(wrapUp.type()).isEqualTo(AgentCommand.Kind.WRAP_UP);
        assertThat(wrapUp.notes()).isEqualTo("Sorted.");
        assertThatThrownBy(() -> EventSchemas.AGENT_COMMAND.parse(
                "{\"id\":\"a1\",\"type\":\"wrapUp\",\"interactionId\":\"i1\",\"agentId\":\"alex\"}",
                AgentCommand.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/code");
        assertThatThrownBy(() -> EventSchemas.AGENT_COMMAND.parse("""
                {"id":"a1","type":"wrapUp","interactionId":"i1","agentId":"alex","code":"w1","notes":"%s"}"""
                .formatted("n".repeat(2001)), AgentCommand.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/notes");
        assertThat(EventSchemas.AGENT_COMMAND.parse(
                "{\"id\":\"a1\",\"type\":\"disconnect\",\"interactionId\":\"i1\",\"agentId\":\"alex\"}",
                AgentCommand.class).type()).isEqualTo(AgentCommand.Kind.DISCONNECT);
    }

    @Test
    void aSessionStateCarriesTheWrapUp() {
        SessionState state = new SessionState("i1", 3, "ended", "7204276664", "8005551234", null, null, null,
                Instant.parse("2026-12-01T10:00:00Z"), null, null, null, null, null,
                new SessionState.Wrapup("alex", SessionState.Wrapup.PENDING, true, true, null, null, null, null));

        String json = EventJson.write(state);

        assertThat(json).contains("\"wrapup\":{\"agentId\":\"alex\",\"status\":\"pending\"")
                .doesNotContain("\"pending\":");
        assertThat(EventSchemas.SESSION_UPDATED.parse(json, SessionState.class)).isEqualTo(state);
    }

    @Test
    void theNewTopicIsOneOfAll() {
        assertThat(Topics.ALL).contains(Topics.INTERACTION_COMMANDS);
        assertThat(Topics.COMPACTED).doesNotContain(Topics.INTERACTION_COMMANDS);
    }
}
