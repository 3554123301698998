package dev.rapport.gateway.sessions;

import dev.rapport.contract.SessionState;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The latest session state of every interaction this gateway has seen, and the live stream of changes. A state
 * older than the one held (a replay, a late duplicate) is ignored, so the versions a subscriber sees only grow.
 */
@ApplicationScoped
public class SessionBoard {
    private final ConcurrentMap<String, SessionState> latest = new ConcurrentHashMap<>();
    private final BroadcastProcessor<SessionState> updates = BroadcastProcessor.create();

    /** @return true when the state was newer than what the board held */
    public boolean offer(SessionState state) {
        boolean[] newer = {false};
        latest.compute(state.interactionId(), (id, held) -> {
            if (held == null || state.version() > held.version()) {
                newer[0] = true;
                return state;
            }
            return held;
        });
        if (newer[0]) {
            updates.onNext(state);
        }
        return newer[0];
    }

    public Optional<SessionState> get(String interactionId) {
        return Optional.ofNullable(latest.get(interactionId));
    }

    public Collection<SessionState> all() {
        return latest.values();
    }

    /** Every update from now on. */
    public Multi<SessionState> updates() {
        return updates;
    }
}
