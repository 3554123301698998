package dev.rapport.gateway.sessions;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The latest session state of every interaction this gateway has seen, indexed by agent, and the live stream of
 * changes. A state older than the one held (a replay, a late duplicate) is ignored, so the versions a subscriber
 * sees only grow. Ended sessions are kept slim, and forgotten after a retention time or past a bound, so memory
 * follows the open interactions, not all of history.
 */
@ApplicationScoped
public class SessionBoard {
    /**
     * Interactions a slow reader may fall behind on before its stream fails (it reconnects and gets the current
     * states). A reader that is behind gets only the newest state of each interaction ({@link ConflatingFeed}), so
     * this bounds interactions, not updates; what waits are references to states the board holds anyway.
     */
    static final int SUBSCRIBER_BUFFER = 10_000;

    private final ConcurrentMap<String, HeldSession> latest = new ConcurrentHashMap<>();
    /**
     * agent id → the interactions connected to that agent or that left them (their wrap-up), so an agent's list and
     * snapshot never scan the board.
     */
    private final ConcurrentMap<String, Set<String>> byAgent = new ConcurrentHashMap<>();
    private final BroadcastProcessor<HeldSession> updates = BroadcastProcessor.create();
    private final Queue<Ended> ended = new ConcurrentLinkedQueue<>();
    private final AtomicInteger endedCount = new AtomicInteger();
    private final Duration endedRetention;
    private final int endedKept;
    private final Clock clock;
    /** From 'sessions' to a stream taking the state out of its buffer to send it (null outside the application). */
    private volatile Timer streamLag;

    private record Ended(String interactionId, long version, Instant at) {
    }

    @Inject
    SessionBoard(SessionBoardConfig config) {
        this(config.endedRetention(), config.endedKept(), Clock.systemUTC());
    }

    SessionBoard(Duration endedRetention, int endedKept) {
        this(endedRetention, endedKept, Clock.systemUTC());
    }

    SessionBoard(Duration endedRetention, int endedKept, Clock clock) {
        this.endedRetention = endedRetention;
        this.endedKept = endedKept;
        this.clock = clock;
    }

    @Inject
    void metrics(MeterRegistry registry) {
        streamLag = Timer.builder("rapport.stream.send.lag")
                .description("From script-service publishing a state on 'sessions' to an agent stream sending it")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** @return true when the state was newer than what the board held */
    public boolean offer(HeldSession offered) {
        forgetOldEnded();
        // an ended interaction is kept without its page and variables (the bulk of a state)
        HeldSession state = offered.head().ended() ? offered.slim() : offered;
        boolean[] newer = {false};
        latest.compute(state.interactionId(), (id, held) -> {
            if (held != null && state.version() <= held.version()) {
                return held;
            }
            newer[0] = true;
            reindex(id, held == null ? Set.of() : held.head().agents(), state.head().agents());
            return state;
        });
        if (newer[0]) {
            if (state.head().ended()) {
                ended.add(new Ended(state.interactionId(), state.version(), clock.instant()));
                endedCount.incrementAndGet();
                forgetOldEnded();
            }
            // Sent as it was offered: the client that follows the stream still gets the ended state's last alerts.
            updates.onNext(offered);
        }
        return newer[0];
    }

    /** A tombstone on 'sessions': the ended interaction's session is gone for good. */
    public void forget(String interactionId) {
        latest.computeIfPresent(interactionId, (id, held) -> {
            reindex(id, held.head().agents(), Set.of());
            return null;
        });
    }

    public Optional<HeldSession> get(String interactionId) {
        return Optional.ofNullable(latest.get(interactionId));
    }

    public Collection<HeldSession> all() {
        return latest.values();
    }

    /** The sessions of interactions connected to one agent, or that left them (their wrap-up). */
    public List<HeldSession> ofAgent(String agentId) {
        Set<String> ids = byAgent.get(agentId);
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(latest::get).filter(Objects::nonNull)
                .filter(s -> s.head().agents().contains(agentId)).toList();
    }

    /**
     * Every update from now on, filtered before the subscriber's queue: an agent's queue holds only the agent's own
     * sessions, so the others' traffic can never make it overflow. A subscriber that is behind gets the newest state
     * of each interaction, not every version in between ({@link ConflatingFeed}; states with alerts are all sent).
     */
    public Multi<HeldSession> updates(Predicate<SessionHead> visible) {
        return ConflatingFeed.over(updates.select().where(s -> visible.test(s.head())), SUBSCRIBER_BUFFER)
                .invoke(this::sending);
    }

    /**
     * The states of {@code snapshot}, then every visible update. The live updates are subscribed to first and the
     * snapshot is read only after, so a state that changes while a stream opens is never missed (it may come twice;
     * a client keeps the highest version of each interaction).
     */
    public Multi<HeldSession> follow(Predicate<SessionHead> visible, Supplier<List<HeldSession>> snapshot) {
        return Multi.createBy().merging().streams(updates(visible),
                Multi.createFrom().deferred(() -> Multi.createFrom().iterable(snapshot.get())));
    }

    /**
     * The interaction's state once this board holds {@code version} or a later one, waiting at most {@code timeout}
     * (null then): another gateway replica may have shown the agent a state this one has not read yet.
     */
    public io.smallrye.mutiny.Uni<HeldSession> atLeast(String interactionId, long version, Duration timeout) {
        return follow(h -> interactionId.equals(h.interactionId()) && h.version() >= version,
                () -> get(interactionId).filter(s -> s.version() >= version).map(List::of).orElse(List.of()))
                .toUni().ifNoItem().after(timeout).recoverWithItem(() -> null);
    }

    private void sending(HeldSession state) {
        Timer timer = streamLag;
        if (timer != null && state.publishedAt() > 0) {
            timer.record(Math.max(0, clock.millis() - state.publishedAt()), TimeUnit.MILLISECONDS);
        }
    }

    int size() {
        return latest.size();
    }

    /** Called inside the board's per-interaction compute, so an interaction's index entries change one at a time. */
    private void reindex(String interactionId, Set<String> from, Set<String> to) {
        for (String agent : from) {
            if (!to.contains(agent)) {
                byAgent.computeIfPresent(agent, (a, ids) -> {
                    ids.remove(interactionId);
                    return ids.isEmpty() ? null : ids;
                });
            }
        }
        for (String agent : to) {
            if (!from.contains(agent)) {
                byAgent.compute(agent, (a, ids) -> {
                    Set<String> held = ids == null ? ConcurrentHashMap.newKeySet() : ids;
                    held.add(interactionId);
                    return held;
                });
            }
        }
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
            latest.computeIfPresent(gone.interactionId(), (id, held) -> {
                if (held.version() != gone.version()) {
                    return held;
                }
                reindex(id, held.head().agents(), Set.of());
                return null;
            });
        }
    }
}
