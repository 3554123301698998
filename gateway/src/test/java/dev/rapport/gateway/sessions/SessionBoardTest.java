package dev.rapport.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionBoardTest {
    private final MutableClock clock = new MutableClock();
    private final SessionBoard board = new SessionBoard(Duration.ofMinutes(15), clock);

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
            bounded.offer(new SessionState("call-" + i, 1, "ended", "1", null, Map.of(), null, null, Instant.EPOCH,
                    null, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), Map.of("A", "b"),
                    null, null));
        }
        assertThat(bounded.size()).as("the open call and at most 3 ended ones").isLessThanOrEqualTo(4);
        assertThat(bounded.get("open")).isPresent();
        assertThat(bounded.get("call-9").orElseThrow().page()).isNull();
        assertThat(bounded.get("call-9").orElseThrow().variables()).isNull();
        assertThat(bounded.get("call-0")).isEmpty();
    }

    @Test
    void aSubscriberFallsBehindOnlyOnWhatItMaySee() {
        var mine = board.updates(s -> s.interactionId().equals("mine"))
                .subscribe().withSubscriber(io.smallrye.mutiny.helpers.test.AssertSubscriber.<SessionState>create(0));
        for (int i = 0; i < 5 * SessionBoard.SUBSCRIBER_BUFFER; i++) {
            board.offer(state("other-" + i, 1, "connected"));
        }
        board.offer(state("mine", 1, "connected"));
        mine.request(1);
        mine.assertNotTerminated();
        assertThat(mine.getItems()).extracting(SessionState::interactionId).containsExactly("mine");
    }

    @Test
    void staleVersionsAreIgnored() {
        assertThat(board.offer(state("i", 2, "connected"))).isTrue();
        assertThat(board.offer(state("i", 1, "alerting"))).isFalse();
        assertThat(board.get("i").orElseThrow().version()).isEqualTo(2);
    }

    private static SessionState state(String id, long version, String state) {
        return new SessionState(id, version, state, "1", null, Map.of(), null, null, Instant.EPOCH);
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
