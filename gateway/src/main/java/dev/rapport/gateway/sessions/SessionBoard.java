package dev.rapport.gateway.sessions;

import dev.rapport.contract.SessionState;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;

/**
 * The latest session state of every interaction this gateway has seen, and the live stream of changes. A state
 * older than the one held (a replay, a late duplicate) is ignored, so the versions a subscriber sees only grow.
 * Ended sessions are forgotten after a retention time, so memory follows the open interactions, not all of history.
 */
@ApplicationScoped
public class SessionBoard {
    /**
     * Updates a slow reader may fall behind by before its stream fails; it reconnects and gets the current states.
     * A state with its rendered page is tens of KB in memory: the bound keeps one slow reader within a few MB.
     */
    static final int SUBSCRIBER_BUFFER = 500;

    private final ConcurrentMap<String, SessionState> latest = new ConcurrentHashMap<>();
    private final BroadcastProcessor<SessionState> updates = BroadcastProcessor.create();
    private final Queue<Ended> ended = new ConcurrentLinkedQueue<>();
    private final Duration endedRetention;
    private final Clock clock;

    private record Ended(String interactionId, long version, Instant at) {
    }

    private final int endedKept;
    private final java.util.concurrent.atomic.AtomicInteger endedCount = new java.util.concurrent.atomic.AtomicInteger();

    @Inject
    SessionBoard(SessionBoardConfig config) {
        this(config.endedRetention(), config.endedKept(), Clock.systemUTC());
    }

    SessionBoard(Duration endedRetention, int endedKept) {
        this(endedRetention, endedKept, Clock.systemUTC());
    }

    SessionBoard(Duration endedRetention, Clock clock) {
        this(endedRetention, 5_000, clock);
    }

    SessionBoard(Duration endedRetention, int endedKept, Clock clock) {
        this.endedRetention = endedRetention;
        this.endedKept = endedKept;
        this.clock = clock;
    }

    /** @return true when the state was newer than what the board held */
    public boolean offer(SessionState state) {
        forgetOldEnded();
        boolean[] newer = {false};
        latest.compute(state.interactionId(), (id, held) -> {
            if (held == null || state.version() > held.version()) {
                newer[0] = true;
                return state;
            }
            return held;
        });
        if (newer[0]) {
            if ("ended".equals(state.state())) {
                // an ended interaction is kept without its page and variables (the bulk of a state), and only for
                // a while and up to a number: memory stays bounded by the calls in progress, not all calls ever
                latest.computeIfPresent(state.interactionId(), (id, held) -> held.version() == state.version()
                        ? slim(held) : held);
                ended.add(new Ended(state.interactionId(), state.version(), clock.instant()));
                endedCount.incrementAndGet();
                forgetOldEnded();
            }
            updates.onNext(state);
        }
        return newer[0];
    }

    /** A tombstone on 'sessions': the ended interaction's session is gone for good. */
    public void forget(String interactionId) {
        latest.remove(interactionId);
    }

    public Optional<SessionState> get(String interactionId) {
        return Optional.ofNullable(latest.get(interactionId));
    }

    public Collection<SessionState> all() {
        return latest.values();
    }

    /** Every update from now on, buffered per subscriber so one slow reader never holds the others back. */
    public Multi<SessionState> updates() {
        return updates(state -> true);
    }

    /**
     * The updates a subscriber may see, filtered before its buffer: an agent's buffer holds only the agent's own
     * sessions, so the others' traffic can never make it overflow.
     */
    public Multi<SessionState> updates(java.util.function.Predicate<SessionState> visible) {
        return updates.select().where(visible).onOverflow().buffer(SUBSCRIBER_BUFFER);
    }

    int size() {
        return latest.size();
    }

    private static SessionState slim(SessionState s) {
        return new SessionState(s.interactionId(), s.version(), s.state(), s.ani(), s.dnis(), s.attributes(), s.queue(),
                s.agent(), s.updatedAt(), s.script(), null, null, null, s.actions());
    }

    private void forgetOldEnded() {
        Instant horizon = clock.instant().minus(endedRetention);
        for (Ended head = ended.peek(); head != null && (!head.at().isAfter(horizon) || endedCount.get() > endedKept);
             head = ended.peek()) {
            Ended gone = ended.poll();
            if (gone == null) {
                break;
            }
            endedCount.decrementAndGet();
            // Only if nothing newer arrived since.
            latest.computeIfPresent(gone.interactionId(), (id, held) -> held.version() == gone.version() ? null : held);
        }
    }
}
