package dev.rapport.script.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.SessionState;
import dev.rapport.script.conversations.GenesysConversation.CallbackConversation;
import dev.rapport.script.conversations.GenesysConversation.Conversation;
import dev.rapport.script.conversations.GenesysConversation.Participant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Genesys's shapes make of an interaction or a callback, participant by participant. */
class ConversationViewsTest {
    private static final Instant START = Instant.parse("2026-12-08T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-08T10:05:00Z");

    @Test
    void anInteractionStillInItsFlowHasACustomerAndTheIvr() {
        Conversation c = ConversationViews.conversation(facts(call("alerting", null, null, null), null));
        assertThat(c.participants()).extracting(Participant::purpose).containsExactly("customer", "ivr");
        Participant ivr = c.participants().get(1);
        assertThat(ivr.name()).isEqualTo("Workshop Inbound");
        assertThat(ivr.calls().get(0).state()).isEqualTo("connected");
        assertThat(c.participants().get(0).attributes()).containsEntry("Reason", "billing");
        assertThat(c.endTime()).isNull();
    }

    @Test
    void anEndedCallLeftByOneAgentShowsTheWrapUpTheyGave() {
        SessionState.Wrapup wrapup = new SessionState.Wrapup("alex", SessionState.Wrapup.DONE, true, false, "c-1",
                "Resolved", "all good", LATER);
        Conversation c = ConversationViews.conversation(facts(call("ended", "q-1", null, wrapup), null));
        assertThat(c.participants()).extracting(Participant::purpose).containsExactly("customer", "ivr", "acd",
                "agent");
        Participant agent = c.participants().get(3);
        assertThat(agent.userId()).isEqualTo("alex");
        assertThat(agent.wrapupRequired()).isTrue();
        assertThat(agent.wrapup().name()).isEqualTo("Resolved");
        assertThat(agent.calls().get(0).state()).isEqualTo("disconnected");
        assertThat(c.participants().get(0).calls().get(0).state()).isEqualTo("disconnected");
        assertThat(c.endTime()).isEqualTo(LATER);
        assertThat(c.participants()).allSatisfy(p -> assertThat(p.attributes()).containsEntry("Reason", "billing"));
    }

    @Test
    void participantIdsAreTheSameOnEveryReadAndDifferPerConversation() {
        ConversationFacts f = facts(call("connected", "q-1", "alex", null), null);
        assertThat(ConversationViews.participantIds(f)).isEqualTo(ConversationViews.participantIds(f))
                .doesNotHaveDuplicates().hasSize(4)
                .contains(ConversationViews.participantId("i-1", "customer"))
                .doesNotContain(ConversationViews.participantId("i-2", "customer"));
    }

    @Test
    void aCallbackIsScheduledThenRefusedOrPlaced() {
        ConversationFacts.Callback cb = new ConversationFacts.Callback("cmd-1", "q-cb", null, "Jane",
                List.of("+15550100"), null, LATER, 3, Map.of("Tier", "gold"), START, false, null);
        Conversation waiting = ConversationViews.conversation(facts(null, cb));
        assertThat(waiting.participants()).extracting(Participant::purpose).containsExactly("customer", "acd");
        assertThat(waiting.participants().get(0).callbacks().get(0).state()).isEqualTo("scheduled");
        assertThat(waiting.participants().get(0).callbacks().get(0).callbackScheduledTime()).isEqualTo(LATER);
        assertThat(waiting.participants().get(1).conversationRoutingData().priority()).isEqualTo(3);

        CallbackConversation refused = ConversationViews.callbackConversation(facts(null, cb.refused("no trunk")));
        assertThat(refused.participants()).allSatisfy(p -> assertThat(p.state()).isEqualTo("disconnected"));

        CallbackConversation placed = ConversationViews.callbackConversation(
                facts(call("connected", "q-cb", "alex", null), cb.confirmed()));
        assertThat(placed.participants()).extracting(p -> p.purpose() + ":" + p.state())
                .containsExactly("customer:connected", "acd:connected", "agent:connected");
        assertThat(ConversationViews.callbackConversation(facts(call("connected", null, "alex", null), null)))
                .isNull();
    }

    @Test
    void numbersAreTelUris() {
        assertThat(ConversationViews.tel("+17204276664")).isEqualTo("tel:+17204276664");
        assertThat(ConversationViews.tel("sip:alex@pbx")).isEqualTo("sip:alex@pbx");
        assertThat(ConversationViews.tel("")).isNull();
    }

    private static ConversationFacts.Call call(String state, String queueId, String agentId,
                                               SessionState.Wrapup wrapup) {
        return new ConversationFacts.Call(state, "+17204276664", "8005550100", Map.of("Reason", "billing"), queueId,
                queueId == null ? null : "Billing", agentId, agentId == null ? null : "Alex Agent", START, LATER,
                "Workshop Inbound", "s-1", wrapup);
    }

    private static ConversationFacts facts(ConversationFacts.Call call, ConversationFacts.Callback callback) {
        return new ConversationFacts("i-1", call, callback, null);
    }
}
