package dev.rapport.gateway.agent;

import dev.rapport.contract.Roles;
import dev.rapport.gateway.sessions.HeldSession;
import dev.rapport.gateway.sessions.SessionBoard;
import dev.rapport.gateway.sessions.SessionHead;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.contract.failure.DomainException.Unavailable;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Who may see which session: a supervisor every one, an agent only those of interactions connected to them (the
 * session's {@code agent.id} equals the token's subject) or that left them (their wrap-up, {@code wrapup.agentId}).
 */
@ApplicationScoped
public class AgentSessions {
    private static final Comparator<HeldSession> NEWEST_FIRST = Comparator
            .comparing((HeldSession s) -> s.head().updatedAt() == null ? Instant.EPOCH : s.head().updatedAt())
            .reversed().thenComparing(HeldSession::interactionId);

    private final SessionBoard board;

    AgentSessions(SessionBoard board) {
        this.board = board;
    }

    /** The viewer as read from the request's identity; read it on the request thread, before any stream starts. */
    public record Viewer(String user, boolean supervisor) {
        public static Viewer of(SecurityIdentity identity) {
            return new Viewer(identity.getPrincipal().getName(), identity.hasRole(Roles.SUPERVISOR));
        }

        /** The same person with an agent's rights only: what commands are authorised with. */
        public Viewer asAgent() {
            return new Viewer(user, false);
        }

        public boolean sees(SessionHead state) {
            return supervisor || state.agents().contains(user);
        }
    }

    /** The session of an interaction the viewer may touch: 404 when unknown, 403 when someone else's. */
    public HeldSession require(Viewer viewer, String interactionId) {
        HeldSession state = board.get(interactionId)
                .orElseThrow(() -> new NotFound("No session for interaction " + interactionId));
        if (!viewer.sees(state.head())) {
            throw new ForbiddenException("Interaction " + interactionId + " is not assigned to you");
        }
        return state;
    }

    /**
     * As {@link #require}, once this gateway holds at least the version the viewer was shown (by any replica): a
     * command is authorised against a state no older than what the agent acted on. Unknown after the wait: 404; known
     * but still older than what the agent was shown: 503 (this replica is behind; the client tries again).
     */
    public java.util.concurrent.CompletionStage<HeldSession> requireAtLeast(Viewer viewer, String interactionId,
                                                                           Long shownVersion, java.time.Duration wait) {
        long wanted = shownVersion == null ? 1 : Math.max(1, shownVersion);
        return board.atLeast(interactionId, wanted, wait).subscribeAsCompletionStage()
                .thenCompose(state -> {
                    if (state == null && shownVersion != null) {
                        // this replica is behind the one that showed the page: 503, to be tried again (or elsewhere)
                        return java.util.concurrent.CompletableFuture.failedFuture(new Unavailable("This gateway "
                                + "has not received version " + shownVersion + " of interaction " + interactionId
                                + " yet; try again", null));
                    }
                    if (state == null) {
                        return java.util.concurrent.CompletableFuture.failedFuture(
                                new NotFound("No session for interaction " + interactionId));
                    }
                    if (!viewer.sees(state.head())) {
                        return java.util.concurrent.CompletableFuture.failedFuture(new ForbiddenException(
                                "Interaction " + interactionId + " is not assigned to you"));
                    }
                    return java.util.concurrent.CompletableFuture.completedFuture(state);
                });
    }

    /** Every session the viewer sees, newest update first: an agent's from the board's index, not a scan. */
    public List<HeldSession> visible(Viewer viewer) {
        List<HeldSession> seen = viewer.supervisor() ? List.copyOf(board.all()) : board.ofAgent(viewer.user());
        return seen.stream().sorted(NEWEST_FIRST).toList();
    }
}
