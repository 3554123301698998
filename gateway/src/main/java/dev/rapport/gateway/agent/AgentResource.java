package dev.rapport.gateway.agent;

import dev.rapport.contract.Roles;
import dev.rapport.gateway.sessions.HeldSession;
import dev.rapport.gateway.sessions.SessionBoard;
import dev.rapport.gateway.sessions.SessionHead;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What the agent page reads: the agent's interactions, a session, and the live stream of session updates. */
@Path("/api/v2/agent")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
public class AgentResource {
    /** The last event of a stream whose token expired: the client signs in again and reconnects. */
    static final String REAUTHENTICATE = "reauthenticate";

    private final SessionBoard board;
    private final AgentSessions sessions;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    AgentResource(SessionBoard board, AgentSessions sessions, SecurityIdentity identity, JsonWebToken token) {
        this.board = board;
        this.sessions = sessions;
        this.identity = identity;
        this.token = token;
    }

    /**
     * The signed-in agent's interactions (a supervisor: all), newest first, in every state the board holds, each
     * without its page; in Genesys's listing shape, 500 a page unless asked otherwise (an agent's all fit in one).
     */
    @GET
    @Path("/interactions")
    @Produces(MediaType.APPLICATION_JSON)
    public EntityListing<SessionHead> interactions(@QueryParam("pageNumber") Integer pageNumber,
                                                   @QueryParam("pageSize") Integer pageSize, @Context UriInfo uri) {
        Paging paging = Paging.of(pageNumber, pageSize == null ? Paging.MAX_PAGE_SIZE : pageSize);
        List<HeldSession> visible = sessions.visible(AgentSessions.Viewer.of(identity));
        List<SessionHead> page = visible.stream().skip(paging.offset()).limit(paging.pageSize())
                .map(HeldSession::head).toList();
        return EntityListing.of(page, paging, visible.size(), uri);
    }

    @GET
    @Path("/interactions/{interactionId}/session")
    @Produces(MediaType.APPLICATION_JSON)
    public String session(@PathParam("interactionId") String interactionId) {
        return sessions.require(AgentSessions.Viewer.of(identity), interactionId).json();
    }

    /**
     * Server-sent events: first a snapshot, then each update as it happens. An event's id is
     * {@code interactionId:version}; a client keeps the highest version per interaction. On a fresh connection the
     * snapshot is every open session (not ended, or its wrap-up still pending). On a reconnection
     * ({@code Last-Event-ID} set, as EventSource does by itself) it is every visible session, ended ones included,
     * because the client may have missed any of them while away; only the interaction named in
     * {@code Last-Event-ID} is left out when the client already holds its current version. See
     * docs/agent-desktop.md.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        // Read the identity now: the stream's items arrive later, outside this request.
        AgentSessions.Viewer viewer = AgentSessions.Viewer.of(identity);
        // The stream lives no longer than its token: then a last event tells the client to sign in again.
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime()));
        LastEventId last = LastEventId.parse(lastEventId);
        Multi<OutboundSseEvent> events = board.follow(viewer::sees, () -> sessions.visible(viewer).stream()
                        .filter(s -> last == null ? s.head().open() : !last.covers(s.head()))
                        .toList())
                .map(s -> sse.newEventBuilder()
                        .id(s.interactionId() + ":" + s.version())
                        .name("session")
                        .data(s.json())
                        .build());
        // A comment line now and then keeps proxies from closing an idle stream.
        Multi<OutboundSseEvent> heartbeat = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        OutboundSseEvent expired = sse.newEventBuilder().name(REAUTHENTICATE)
                .data("{\"code\":\"token.expired\",\"message\":\"The token has expired; sign in again\"}")
                .build();
        return Multi.createBy().merging().streams(events, heartbeat)
                .select().first(left.isNegative() ? Duration.ZERO : left)
                .onCompletion().continueWith(expired);
    }

    /** {@code interactionId:version}, as sent in each event's id; null when absent or malformed. */
    record LastEventId(String interactionId, long version) {
        static LastEventId parse(String header) {
            if (header == null) {
                return null;
            }
            int colon = header.lastIndexOf(':');
            if (colon <= 0) {
                return null;
            }
            try {
                return new LastEventId(header.substring(0, colon), Long.parseLong(header.substring(colon + 1).trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** True when the client already holds this state (or a newer one). */
        boolean covers(SessionHead state) {
            return interactionId.equals(state.interactionId()) && state.version() <= version;
        }
    }
}
