package dev.rapport.gateway.agent;

import dev.rapport.contract.Roles;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.gateway.sessions.SessionBoard;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Who may see which session: a supervisor every one, an agent only those of interactions connected to them (the
 * session's {@code agent.id} equals the token's subject).
 */
@ApplicationScoped
public class AgentSessions {
    private static final Comparator<SessionState> NEWEST_FIRST = Comparator
            .comparing((SessionState s) -> s.updatedAt() == null ? Instant.EPOCH : s.updatedAt()).reversed()
            .thenComparing(SessionState::interactionId);

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

        public boolean sees(SessionState state) {
            return supervisor || state.agent() != null && user.equals(state.agent().id());
        }
    }

    /** The session of an interaction the viewer may touch: 404 when unknown, 403 when someone else's. */
    public SessionState require(Viewer viewer, String interactionId) {
        SessionState state = board.get(interactionId)
                .orElseThrow(() -> new NotFound("No session for interaction " + interactionId));
        if (!viewer.sees(state)) {
            throw new ForbiddenException("Interaction " + interactionId + " is not assigned to you");
        }
        return state;
    }

    /** Every session the viewer sees, newest update first. */
    public List<SessionState> visible(Viewer viewer) {
        return board.all().stream().filter(viewer::sees).sorted(NEWEST_FIRST).toList();
    }
}
