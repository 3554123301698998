package dev.rapport.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SessionsCatchUpTest {
    private static final TopicPartition P0 = new TopicPartition("sessions", 0);
    private static final TopicPartition P1 = new TopicPartition("sessions", 1);
    private final SessionsCatchUp catchUp = new SessionsCatchUp();

    @Test
    void notReadyUntilEveryRecordThatExistedAtStartIsApplied() {
        catchUp.target(Map.of(P0, 100L, P1, 0L));
        catchUp.applied(P0, 41);
        assertThat(catchUp.behind(Map.of(P0, 60L, P1, 0L))).containsExactly(Map.entry(P0, 58L));
        assertThat(catchUp.caughtUp()).isFalse();

        // fetched to the end, not yet applied: still behind
        assertThat(catchUp.behind(Map.of(P0, 100L, P1, 0L))).containsKey(P0);
        catchUp.applied(P0, 99);
        assertThat(catchUp.behind(Map.of(P0, 100L, P1, 0L))).isEmpty();
        assertThat(catchUp.caughtUp()).isTrue();

        // later records are the live stream's business, not readiness
        catchUp.target(Map.of(P0, 500L, P1, 0L));
        assertThat(catchUp.behind(Map.of(P0, 100L, P1, 0L))).isEmpty();
    }

    @Test
    void aTailThatCanNeverBeAppliedCountsAsCaughtUpAtTheSecondCheck() {
        catchUp.target(Map.of(P0, 10L));
        catchUp.applied(P0, 7); // offsets 8 and 9 were compacted away or are transaction markers
        assertThat(catchUp.behind(Map.of(P0, 10L))).containsKey(P0);
        assertThat(catchUp.behind(Map.of(P0, 10L))).isEmpty();
    }
}
