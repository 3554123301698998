package dev.rapport.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.bench.load.Summary;
import org.junit.jupiter.api.Test;

class RoutingCallsTest {
    private static final long MS = 1_000_000;

    @Test
    void anOfferIsAnsweredAndTimedFromTheDueTimeThenConnectedEndsTheCall() {
        RoutingCalls calls = new RoutingCalls("offer", "connected");
        calls.place("a", 1_000 * MS);

        assertThat(calls.onSession("a", "bench-agent-1", "queued", 1_005 * MS)).isEqualTo(RoutingCalls.Next.NOTHING);
        assertThat(calls.onSession("a", "bench-agent-1", "alerting", 1_030 * MS)).isEqualTo(RoutingCalls.Next.ANSWER);
        // the same offer again (a reconnected stream's snapshot) is not answered twice
        assertThat(calls.onSession("a", "bench-agent-1", "alerting", 1_031 * MS)).isEqualTo(RoutingCalls.Next.NOTHING);
        calls.answerSent("a", 1_032 * MS);
        assertThat(calls.onSession("a", "bench-agent-1", "connected", 1_052 * MS)).isEqualTo(RoutingCalls.Next.END);
        assertThat(calls.onSession("a", "bench-agent-1", "connected", 1_060 * MS)).isEqualTo(RoutingCalls.Next.NOTHING);

        Summary[] s = calls.summarize(1, 20);
        assertThat(s[0].completed()).isEqualTo(1);
        assertThat(s[0].p50()).isEqualTo(30.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(s[1].completed()).isEqualTo(1);
        assertThat(s[1].p50()).isEqualTo(20.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(calls.unended()).isEmpty();
        assertThat(calls.neverOffered()).isEmpty();
    }

    @Test
    void aReOfferToAnotherAgentIsAnsweredButOnlyTheFirstOfferIsTimed() {
        RoutingCalls calls = new RoutingCalls("offer", "connected");
        calls.place("a", 0);
        assertThat(calls.onSession("a", "bench-agent-1", "alerting", 10 * MS)).isEqualTo(RoutingCalls.Next.ANSWER);
        calls.answerSent("a", 11 * MS);
        // agent 1's answer came too late: routing offers the call to agent 2
        assertThat(calls.onSession("a", "bench-agent-2", "alerting", 8_000 * MS)).isEqualTo(RoutingCalls.Next.ANSWER);
        calls.answerSent("a", 8_001 * MS);
        // connected reaches only the agent it is connected to; another agent's stream does not end the call
        assertThat(calls.onSession("a", "bench-agent-1", "connected", 8_010 * MS)).isEqualTo(RoutingCalls.Next.NOTHING);
        assertThat(calls.onSession("a", "bench-agent-2", "connected", 8_021 * MS)).isEqualTo(RoutingCalls.Next.END);

        Summary[] s = calls.summarize(1, 1);
        assertThat(s[0].p50()).isEqualTo(10.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(s[1].p50()).isEqualTo(20.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(calls.get("a").offeredTo).isEqualTo("bench-agent-1");
    }

    @Test
    void callsNeverOfferedAreLostAndFailedStartsAreErrorsNotLost() {
        RoutingCalls calls = new RoutingCalls("offer", "connected");
        calls.place("offered", 0);
        calls.place("waiting", 0);
        calls.place("refused", 0);
        calls.onSession("offered", "bench-agent-1", "alerting", 5 * MS);
        assertThat(calls.failed("refused")).isTrue();
        assertThat(calls.failed("refused")).isFalse(); // counted once

        Summary[] s = calls.summarize(3, 20);
        assertThat(s[0].completed()).isEqualTo(1);
        assertThat(s[0].errors()).isEqualTo(1);
        assertThat(s[0].missing()).isEqualTo(1);
        assertThat(s[1].completed()).isZero();
        assertThat(calls.neverOffered()).containsExactly("waiting");
        assertThat(calls.unended()).containsExactlyInAnyOrder("offered", "waiting", "refused");
    }

    @Test
    void otherInteractionsAndNonSessionsChangeNothing() {
        RoutingCalls calls = new RoutingCalls("offer", "connected");
        calls.place("a", 0);
        assertThat(calls.onSession("someone-else", "bench-agent-1", "alerting", 5 * MS)).isEqualTo(RoutingCalls.Next.NOTHING);
        assertThat(calls.onSession(null, "bench-agent-1", "alerting", 5 * MS)).isEqualTo(RoutingCalls.Next.NOTHING);
        // connected before any answer (an IVR or another ACD connected it): not this stage's answer
        assertThat(calls.onSession("a", "bench-agent-1", "connected", 5 * MS)).isEqualTo(RoutingCalls.Next.NOTHING);
        assertThat(calls.summarize(1, 1)[0].completed()).isZero();
    }

    @Test
    void readsTheSessionStateFromTheStreamsData() {
        assertThat(RoutingCalls.state("{\"interactionId\":\"a\",\"version\":3,\"state\":\"alerting\","
                + "\"agent\":{\"id\":\"bench-agent-1\"},\"queue\":{\"id\":\"q\",\"state\":\"x\"}}")).isEqualTo("alerting");
        assertThat(RoutingCalls.state("{\"version\":3}")).isNull();
        assertThat(RoutingCalls.state("not json")).isNull();
    }

    @Test
    void turnoverIsFromAHangUpToTheSameAgentsNextOfferWhileCallsWait() {
        RoutingCalls calls = new RoutingCalls("offer", "connected");
        // agent 1: call a ends (connected) at 100 ms; call b, due at 50 ms, waited and is offered to agent 1 at 130 ms
        cycle(calls, "a", 0, "bench-agent-1", 10, 100);
        cycle(calls, "b", 50, "bench-agent-1", 130, 200);
        // call c was due only after b ended: the agent was idle, not turning over; not counted
        cycle(calls, "c", 500, "bench-agent-1", 520, 600);
        // agent 2: one call, no next offer
        cycle(calls, "d", 0, "bench-agent-2", 12, 90);

        Summary s = calls.turnover("turnover", 20);
        assertThat(s.completed()).isEqualTo(1);
        assertThat(s.p50()).isEqualTo(30.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(new RoutingCalls("o", "c").turnover("turnover", 20)).isNull();
    }

    private static void cycle(RoutingCalls calls, String id, long dueMs, String agent, long offerMs, long connectedMs) {
        calls.place(id, dueMs * MS);
        calls.onSession(id, agent, "alerting", offerMs * MS);
        calls.answerSent(id, offerMs * MS + 1);
        calls.onSession(id, agent, "connected", connectedMs * MS);
    }

    @Test
    void recognisesARecordsTypeOrState() {
        assertThat(RoutingStage.hasField("{\"state\":\"alerting\",\"agent\":{}}", "state", "alerting")).isTrue();
        assertThat(RoutingStage.hasField("{\"id\":\"x\",\"type\":\"connected\",\"interactionId\":\"a\"}", "type",
                "connected")).isTrue();
        assertThat(RoutingStage.hasField("{\"state\":\"queued\",\"alertingTimeoutSeconds\":8}", "state", "alerting"))
                .isFalse();
        assertThat(RoutingStage.hasField("{\"type\":\"started\"}", "state", "started")).isFalse();
    }
}
