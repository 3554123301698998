package dev.rapport.gateway.sessions;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether this gateway has applied every 'sessions' record that existed when it started: until then its board may
 * lack a session an agent is working on, so it must not take traffic (a second replica starting under load would
 * answer "no session" or stream an incomplete snapshot). Once caught up it stays so: later lag is the live stream's.
 */
public final class SessionsCatchUp {
    /** The next offset of every partition once the board was first asked; what must be applied before ready. */
    private volatile Map<TopicPartition, Long> target;
    private final ConcurrentMap<TopicPartition, Long> applied = new ConcurrentHashMap<>();
    /** Partitions whose consumer was past the target at the previous check without the tail record applied. */
    private final Set<TopicPartition> pastTarget = ConcurrentHashMap.newKeySet();
    private volatile boolean caughtUp;

    /** The feed applied (or dropped) this record. */
    public void applied(TopicPartition partition, long offset) {
        applied.merge(partition, offset, Math::max);
    }

    boolean hasTarget() {
        return target != null;
    }

    void target(Map<TopicPartition, Long> endOffsets) {
        target = Map.copyOf(endOffsets);
    }

    /**
     * @param positions the consumer's next fetch offset per assigned partition
     * @return the partitions still behind, empty once caught up
     */
    Map<TopicPartition, Long> behind(Map<TopicPartition, Long> positions) {
        if (caughtUp) {
            return Map.of();
        }
        Map<TopicPartition, Long> behind = new java.util.HashMap<>();
        for (Map.Entry<TopicPartition, Long> t : target.entrySet()) {
            TopicPartition tp = t.getKey();
            long end = t.getValue();
            if (applied.getOrDefault(tp, -1L) + 1 >= end) {
                continue;
            }
            long position = positions.getOrDefault(tp, -1L);
            // Past the target with the last record never applied: compacted away, or a control record. Counted as
            // caught up at the second check in a row, when nothing fetched can still be on its way to the board.
            if (position >= end && !pastTarget.add(tp)) {
                continue;
            }
            behind.put(tp, Math.max(0, end - 1 - applied.getOrDefault(tp, -1L)));
        }
        if (behind.isEmpty()) {
            caughtUp = true;
        }
        return behind;
    }

    boolean caughtUp() {
        return caughtUp;
    }
}
