package dev.rapport.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionBoardTest {
    private final MutableClock clock = new MutableClock();
    private final SessionBoard board = new SessionBoard(Duration.ofMinutes(15), 5_000, clock);

    @Test
    void endedSessionsAreForgottenAfterTheRetentionAndOpenOnesAreKept() {
        board.offer(state("open", 1, "connected"));
        board.offer(state("done", 1, "connected"));
        board.offer(state("done", 2, "ended"));

        clock.now = clock.now.plus(Duration.ofMinutes(14));
        board.offer(state("other", 1, "alerting"));
        assertThat(board.get("done")).isPresent();

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        board.offer(state("other", 2, "connected"));
        assertThat(board.get("done")).isEmpty();
        assertThat(board.get("open")).isPresent();
        assertThat(board.size()).isEqualTo(2);
    }

    @Test
    void endedSessionsAreKeptWithoutTheirPageAndOnlyUpToABound() {
        SessionBoard bounded = new SessionBoard(Duration.ofMinutes(15), 3, clock);
        bounded.offer(state("open", 1, "connected"));
        for (int i = 0; i < 10; i++) {
            bounded.offer(HeldSession.of(new SessionState("call-" + i, 1, "ended", "1", null, Map.of(), null, null,
                    Instant.EPOCH, null, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("title", "the page"), Map.of("A", "b"), null, null)));
        }
        assertThat(bounded.size()).as("the open call and at most 3 ended ones").isLessThanOrEqualTo(4);
        assertThat(bounded.get("open")).isPresent();
        assertThat(bounded.get("call-9").orElseThrow().json()).doesNotContain("the page").doesNotContain("\"A\"")
                .contains("\"interactionId\":\"call-9\"");
        assertThat(bounded.get("call-0")).isEmpty();
    }

    @Test
    void aSubscriberFallsBehindOnlyOnWhatItMaySee() {
        var mine = board.updates(s -> s.interactionId().equals("mine"))
                .subscribe().withSubscriber(io.smallrye.mutiny.helpers.test.AssertSubscriber.<HeldSession>create(0));
        for (int i = 0; i < 5 * SessionBoard.SUBSCRIBER_BUFFER; i++) {
            board.offer(state("other-" + i, 1, "connected"));
        }
        board.offer(state("mine", 1, "connected"));
        mine.request(1);
        mine.assertNotTerminated();
        assertThat(mine.getItems()).extracting(HeldSession::interactionId).containsExactly("mine");
    }

    @Test
    void anAgentsSessionsAreFoundByTheIndexAndFollowATransfer() {
        board.offer(state("a", 1, "connected", "alex"));
        board.offer(state("b", 1, "connected", "sam"));
        board.offer(state("c", 1, "connected", "alex"));
        assertThat(board.ofAgent("alex")).extracting(HeldSession::interactionId).containsExactlyInAnyOrder("a", "c");

        board.offer(state("c", 2, "connected", "sam"));
        board.offer(state("a", 1, "connected", "sam")); // stale: changes nothing
        assertThat(board.ofAgent("alex")).extracting(HeldSession::interactionId).containsExactly("a");
        assertThat(board.ofAgent("sam")).extracting(HeldSession::interactionId).containsExactlyInAnyOrder("b", "c");

        board.forget("b");
        assertThat(board.ofAgent("sam")).extracting(HeldSession::interactionId).containsExactly("c");
        assertThat(board.ofAgent("nobody")).isEmpty();
    }

    /**
     * Streams open while states keep arriving (as a screen pop can arrive while an agent's page connects): every
     * follower, once the arrivals stop, has seen every interaction, whether from its snapshot or from the live
     * updates. Reading the snapshot before subscribing to the updates loses the ones in between.
     */
    @Test
    void aStreamOpenedWhileStatesArriveMissesNone() throws Exception {
        int calls = 5_000;
        java.util.concurrent.atomic.AtomicInteger offered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Thread feed = new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < calls; i++) {
                board.offer(state("call-" + i, 1, "connected"));
                offered.incrementAndGet();
                java.util.concurrent.locks.LockSupport.parkNanos(20_000); // a busy board, not a flood past the buffers
            }
        });
        feed.start();
        List<java.util.Set<String>> seen = new java.util.ArrayList<>();
        go.countDown();
        while (feed.isAlive()) {
            if (offered.get() < seen.size() * 25) {
                Thread.onSpinWait();
                continue;
            }
            java.util.Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
            seen.add(ids);
            board.follow(s -> true, () -> List.copyOf(board.all())).subscribe().with(s -> ids.add(s.interactionId()),
                    failure -> ids.add("failed: " + failure));
        }
        feed.join();
        assertThat(board.all()).hasSize(calls);
        assertThat(seen).as("streams opened while the states arrived").hasSizeGreaterThan(10);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).as("follower %d of %d", i, seen.size()).hasSize(calls);
        }
    }

    /** A command reaching a gateway that has not read the version the agent was shown yet waits for it. */
    @Test
    void aVersionNotYetReadIsWaitedForAndAnAbsentOneGivesUp() {
        board.offer(state("i", 1, "connected"));
        var waiting = board.atLeast("i", 2, Duration.ofSeconds(5)).subscribeAsCompletionStage();
        assertThat(waiting).isNotDone();
        board.offer(state("i", 2, "connected"));
        assertThat(waiting.join().version()).isEqualTo(2);

        assertThat(board.atLeast("i", 1, Duration.ofSeconds(5)).await().indefinitely().version())
                .as("what is held already answers at once").isEqualTo(2);
        assertThat(board.atLeast("i", 3, Duration.ofMillis(200)).await().indefinitely()).isNull();
    }

    /**
     * A reader far behind (nothing requested while many versions arrive) is not failed for it, and then gets each
     * interaction's newest state, once, in the order the interactions first waited.
     */
    @Test
    void aReaderBehindGetsTheNewestStateOfEachInteractionAndIsNotFailed() {
        var reader = board.updates(s -> true)
                .subscribe().withSubscriber(io.smallrye.mutiny.helpers.test.AssertSubscriber.<HeldSession>create(0));
        for (int version = 1; version <= 2 * SessionBoard.SUBSCRIBER_BUFFER; version++) {
            board.offer(state("a", version, "connected"));
            board.offer(state("b", version, "connected"));
        }
        reader.assertNotTerminated();
        reader.request(10);
        assertThat(reader.getItems()).extracting(s -> s.interactionId() + ":" + s.version())
                .containsExactly("a:" + 2 * SessionBoard.SUBSCRIBER_BUFFER, "b:" + 2 * SessionBoard.SUBSCRIBER_BUFFER);

        // once caught up, each update is sent as it comes
        board.offer(state("a", 2 * SessionBoard.SUBSCRIBER_BUFFER + 1, "ended"));
        assertThat(reader.getItems()).hasSize(3);
    }

    /** Alerts are raised on one version only: a state that carries them is never replaced by a newer one. */
    @Test
    void aStateWithAlertsIsNeverReplacedWhileWaiting() {
        var reader = board.updates(s -> true)
                .subscribe().withSubscriber(io.smallrye.mutiny.helpers.test.AssertSubscriber.<HeldSession>create(0));
        board.offer(state("a", 1, "connected"));
        board.offer(withAlert("a", 2)); // replaces version 1, and stays
        board.offer(state("a", 3, "connected"));
        board.offer(state("a", 4, "connected")); // replaces version 3
        board.offer(withAlert("a", 5)); // replaces version 4, and stays
        reader.request(10);
        assertThat(reader.getItems()).extracting(HeldSession::version).containsExactly(2L, 5L);
        assertThat(reader.getItems()).allSatisfy(s -> assertThat(s.json()).contains("Case updated"));
    }

    /** What waits is bounded by interactions: past the bound the stream fails, and the reader reconnects. */
    @Test
    void aReaderBehindOnTooManyInteractionsFails() {
        var reader = board.updates(s -> true)
                .subscribe().withSubscriber(io.smallrye.mutiny.helpers.test.AssertSubscriber.<HeldSession>create(0));
        for (int i = 0; i <= SessionBoard.SUBSCRIBER_BUFFER; i++) {
            board.offer(state("call-" + i, 1, "connected"));
        }
        reader.assertFailedWith(io.smallrye.mutiny.subscription.BackPressureFailure.class, "behind");
        board.offer(state("late", 1, "connected"));
        assertThat(reader.getItems()).isEmpty();
    }

    @Test
    void staleVersionsAreIgnored() {
        assertThat(board.offer(state("i", 2, "connected"))).isTrue();
        assertThat(board.offer(state("i", 1, "alerting"))).isFalse();
        assertThat(board.get("i").orElseThrow().version()).isEqualTo(2);
    }

    private static HeldSession state(String id, long version, String state) {
        return state(id, version, state, null);
    }

    private static HeldSession state(String id, long version, String state, String agent) {
        return HeldSession.of(new SessionState(id, version, state, "1", null, Map.of(), null,
                agent == null ? null : new dev.rapport.contract.InteractionEvent.AgentRef(agent, agent, null),
                Instant.EPOCH));
    }

    private static HeldSession withAlert(String id, long version) {
        return HeldSession.of(new SessionState(id, version, "connected", "1", null, Map.of(), null, null, Instant.EPOCH,
                null, null, Map.of(), List.of(new SessionState.Alert("al-" + version, "Case updated", "info",
                Instant.EPOCH)), null));
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
