package dev.rapport.script.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rapport.script.conversations.GenesysAnalytics.ConversationDetails;
import dev.rapport.script.conversations.GenesysAnalytics.Participant;
import dev.rapport.script.conversations.GenesysAnalytics.Segment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Genesys's conversation details make of an interaction's history, hand-over by hand-over. */
class AnalyticsViewsTest {
    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");

    @Test
    void eachHandOverEndsTheHoldersSegmentAndATransferToANumberIsAnExternalOutboundLeg() {
        ConversationFacts f = facts(call("ended", null, null));
        ConversationDetails d = AnalyticsViews.details(f, List.of(
                step(0, "started", null, null, null), step(10, "queued", "q-1", null, null),
                step(20, "alerting", null, "alex", null), step(25, "connected", null, "alex", null),
                step(60, "transferred", null, null, "+13175550123"), step(120, "ended", null, null, null)));

        assertThat(d.conversationStart()).isEqualTo(T0);
        assertThat(d.conversationEnd()).isEqualTo(T0.plusSeconds(120));
        assertThat(d.participants()).extracting(Participant::purpose)
                .containsExactly("customer", "ivr", "acd", "agent", "external");
        assertThat(segments(d, "customer")).extracting(Segment::segmentType, Segment::segmentStart,
                Segment::segmentEnd).containsExactly(tuple("interact", T0,
                T0.plusSeconds(120)));
        assertThat(segments(d, "ivr")).singleElement().satisfies(s -> {
            assertThat(s.segmentType()).isEqualTo("ivr");
            assertThat(s.segmentEnd()).isEqualTo(T0.plusSeconds(10));
        });
        assertThat(segments(d, "acd")).singleElement().satisfies(s -> {
            assertThat(s.queueId()).isEqualTo("q-1");
            assertThat(s.segmentEnd()).isEqualTo(T0.plusSeconds(20));
        });
        assertThat(segments(d, "agent")).extracting(Segment::segmentType).containsExactly("alert", "interact");
        assertThat(segments(d, "agent").get(1).segmentEnd()).isEqualTo(T0.plusSeconds(60));
        assertThat(segments(d, "agent").get(1).disconnectType()).isEqualTo("transfer");
        Participant external = participant(d, "external");
        assertThat(external.participantName()).isEqualTo("+13175550123");
        assertThat(external.sessions()).singleElement().satisfies(s -> {
            assertThat(s.direction()).isEqualTo("outbound");
            assertThat(s.dnis()).isEqualTo("tel:+13175550123");
            assertThat(s.segments().get(0).segmentStart()).isEqualTo(T0.plusSeconds(60));
            assertThat(s.segments().get(0).segmentEnd()).isEqualTo(T0.plusSeconds(120));
        });
        assertThat(participant(d, "agent").userId()).isEqualTo("alex");
        assertThat(participant(d, "agent").participantId()).isEqualTo(ConversationViews.participantId("i-1",
                "agent/alex"));
    }

    @Test
    void withoutAHistoryTheInteractionRowSays() {
        ConversationDetails d = AnalyticsViews.details(facts(call("connected", "q-1", "alex")), List.of());
        assertThat(d.participants()).extracting(Participant::purpose)
                .containsExactly("customer", "ivr", "acd", "agent");
        assertThat(d.conversationEnd()).isNull();
        assertThat(segments(d, "agent")).singleElement().satisfies(s -> assertThat(s.segmentEnd()).isNull());
    }

    @Test
    void aCallbackNotPlacedIsScheduled() {
        ConversationFacts.Callback cb = new ConversationFacts.Callback("cmd-1", "q-cb", null, "Jane",
                List.of("+15550100"), null, T0.plusSeconds(3600), 3, Map.of(), T0, false, null);
        ConversationDetails d = AnalyticsViews.details(new ConversationFacts("i-1", null, cb, null), List.of());
        assertThat(d.originatingDirection()).isEqualTo("outbound");
        assertThat(d.participants()).extracting(Participant::purpose).containsExactly("customer", "acd");
        assertThat(segments(d, "acd")).singleElement().satisfies(s -> {
            assertThat(s.segmentType()).isEqualTo("scheduled");
            assertThat(s.queueId()).isEqualTo("q-cb");
        });
    }

    private static List<Segment> segments(ConversationDetails d, String purpose) {
        return participant(d, purpose).sessions().get(0).segments();
    }

    private static Participant participant(ConversationDetails d, String purpose) {
        return d.participants().stream().filter(p -> purpose.equals(p.purpose())).findFirst().orElseThrow();
    }

    private static ConversationFacts.Step step(int second, String type, String queueId, String agentId,
                                               String address) {
        return new ConversationFacts.Step(T0.plusSeconds(second), type, queueId, queueId == null ? null : "Billing",
                agentId, agentId == null ? null : "Alex Agent", address);
    }

    private static ConversationFacts.Call call(String state, String queueId, String agentId) {
        return new ConversationFacts.Call(state, "+17204276664", "8005550100", Map.of(), queueId,
                queueId == null ? null : "Billing", agentId, agentId == null ? null : "Alex Agent", T0,
                T0.plusSeconds(120), "Workshop Inbound", null, null);
    }

    private static ConversationFacts facts(ConversationFacts.Call call) {
        return new ConversationFacts("i-1", call, null, null);
    }
}
