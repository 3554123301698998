package dev.rapport.bench.stages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.bench.client.RapportApi;
import dev.rapport.bench.load.Latencies;
import dev.rapport.bench.load.Summary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routing stage's calls and what the agents' streams showed of each: the first offer ({@code alerting} with the
 * agent), then {@code connected} once the agent answered. Pure bookkeeping (no I/O): {@link #onSession} says what the
 * bench, acting as the agent, does next; the latencies are from the call's due time to the first offer, and from the
 * answer's send time to {@code connected}. An offer the agent did not answer in time goes to another agent: only the
 * first offer is timed, each offer is answered.
 */
final class RoutingCalls {

    /** What the bench does after a session update on an agent's stream. */
    enum Next { NOTHING, ANSWER, END }

    /** One call: its due time, when it was first offered (and to whom), when answered and connected. */
    static final class Call {
        final long due;
        volatile long offered;
        volatile String offeredTo;
        volatile String answeredBy;
        volatile long answerSent;
        volatile long connected;
        volatile boolean failed;
        volatile boolean ended;

        Call(long due) {
            this.due = due;
        }
    }

    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Latencies offers;
    private final Latencies connects;

    RoutingCalls(String offerName, String connectName) {
        this.offers = new Latencies(offerName);
        this.connects = new Latencies(connectName);
    }

    Call place(String interactionId, long due) {
        Call c = new Call(due);
        calls.put(interactionId, c);
        return c;
    }

    Call get(String interactionId) {
        return calls.get(interactionId);
    }

    Map<String, Call> all() {
        return calls;
    }

    /** The state of a session as the agent stream carries it, or null when the data is not a session. */
    static String state(String session) {
        try {
            JsonNode state = RapportApi.JSON.readTree(session).path("state");
            return state.isTextual() ? state.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * A session of {@code interactionId} in {@code state} reached {@code agent}'s stream at {@code nanos}: an offer to
     * that agent is answered (the first offer of the call timed), the first {@code connected} after an answer is timed
     * and the call ended. Anything else, and calls not placed by this stage: nothing.
     */
    Next onSession(String interactionId, String agent, String state, long nanos) {
        Call c = interactionId == null ? null : calls.get(interactionId);
        if (c == null || state == null) {
            return Next.NOTHING;
        }
        synchronized (c) {
            if (state.equals("alerting")) {
                if (agent.equals(c.answeredBy)) {
                    return Next.NOTHING; // the same offer again (a reconnection's snapshot)
                }
                if (c.offered == 0) {
                    c.offered = nanos;
                    c.offeredTo = agent;
                    offers.record(c.due, nanos);
                }
                c.answeredBy = agent;
                return Next.ANSWER;
            }
            if (state.equals("connected") && c.connected == 0 && c.answerSent != 0 && agent.equals(c.answeredBy)) {
                c.connected = nanos;
                connects.record(c.answerSent, nanos);
                c.ended = true;
                return Next.END;
            }
        }
        return Next.NOTHING;
    }

    /** The agent's answer was sent at {@code nanos} (System.nanoTime). */
    void answerSent(String interactionId, long nanos) {
        Call c = calls.get(interactionId);
        if (c != null) {
            synchronized (c) {
                c.answerSent = nanos;
            }
        }
    }

    /** The call's {@code started} failed: an error in both measurements. True the first time. */
    boolean failed(String interactionId) {
        Call c = calls.get(interactionId);
        if (c == null || c.failed) {
            return false;
        }
        c.failed = true;
        offers.error();
        connects.error();
        return true;
    }

    /** A failed answer: an error of the answer → connected measurement. */
    void answerFailed() {
        connects.error();
    }

    /** [started → first offer, answer → connected] for {@code sent} calls placed at {@code rate}. */
    Summary[] summarize(long sent, double rate) {
        return new Summary[] {offers.summarize(sent, rate), connects.summarize(sent, rate)};
    }

    /**
     * How long an agent stays unavailable between calls while calls wait: for each call the stage ended (at its
     * {@code connected}, when the IVR hung up), the time to the next offer to the same agent, counted only when that
     * next call was already due at the hang-up (it was waiting, so routing had no reason to wait). The hang-up's
     * {@code ended} → the agent IDLE again → a router round → the offer on the agent's stream. Null when there is none.
     */
    Summary turnover(String name, double rate) {
        Latencies gaps = new Latencies(name);
        Map<String, List<Call>> byAgent = new java.util.HashMap<>();
        for (Call c : calls.values()) {
            if (c.offered != 0 && c.offeredTo != null) {
                byAgent.computeIfAbsent(c.offeredTo, a -> new java.util.ArrayList<>()).add(c);
            }
        }
        long n = 0;
        for (List<Call> offers : byAgent.values()) {
            offers.sort(java.util.Comparator.comparingLong(c -> c.offered));
            for (int i = 0; i + 1 < offers.size(); i++) {
                Call done = offers.get(i), next = offers.get(i + 1);
                if (done.connected != 0 && next.offered > done.connected && next.due <= done.connected) {
                    gaps.record(done.connected, next.offered);
                    n++;
                }
            }
        }
        return n == 0 ? null : gaps.summarize(n, rate);
    }

    /** Calls the stage has not ended itself (never connected): the IVR hangs them up after the drain. */
    List<String> unended() {
        return calls.entrySet().stream().filter(e -> !e.getValue().ended).map(Map.Entry::getKey).toList();
    }

    /** Calls never offered (and whose start did not fail). */
    List<String> neverOffered() {
        return calls.entrySet().stream().filter(e -> e.getValue().offered == 0 && !e.getValue().failed)
                .map(Map.Entry::getKey).toList();
    }
}
