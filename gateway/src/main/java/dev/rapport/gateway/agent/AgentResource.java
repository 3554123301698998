package dev.rapport.gateway.agent;

import dev.rapport.contract.EventJson;
import dev.rapport.contract.SessionState;
import dev.rapport.gateway.sessions.SessionBoard;
import io.smallrye.mutiny.Multi;
import dev.rapport.contract.Roles;
import dev.rapport.platform.web.ApiException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;

/** What the agent page reads: the session of an interaction, and the live stream of session updates. */
@Path("/api/v2/agent")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
public class AgentResource {
    private final SessionBoard board;
    private final SecurityIdentity identity;

    AgentResource(SessionBoard board, SecurityIdentity identity) {
        this.board = board;
        this.identity = identity;
    }

    /** A supervisor sees every session; an agent only those of interactions connected to them. */
    private static boolean visible(SessionState state, boolean supervisor, String user) {
        return supervisor || state.agent() != null && user.equals(state.agent().id());
    }

    @GET
    @Path("/interactions/{interactionId}/session")
    @Produces(MediaType.APPLICATION_JSON)
    public SessionState session(@PathParam("interactionId") String interactionId) {
        SessionState state = board.get(interactionId)
                .orElseThrow(() -> ApiException.notFound("No session for interaction " + interactionId));
        if (!visible(state, identity.hasRole(Roles.SUPERVISOR), identity.getPrincipal().getName())) {
            throw new ForbiddenException("Interaction " + interactionId + " is not assigned to you");
        }
        return state;
    }

    /**
     * Server-sent events: first the current state of every open session, then each update as it happens. An event's
     * id is {@code interactionId:version}; a client keeps the highest version per interaction.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        // Read the identity now: the stream's items arrive later, outside this request.
        boolean supervisor = identity.hasRole(Roles.SUPERVISOR);
        String user = identity.getPrincipal().getName();
        Multi<SessionState> current = Multi.createFrom().iterable(board.all())
                .select().where(s -> !"ended".equals(s.state()));
        Multi<OutboundSseEvent> sessions = Multi.createBy().merging().streams(board.updates(), current)
                .select().where(s -> visible(s, supervisor, user))
                .map(s -> sse.newEventBuilder()
                        .id(s.interactionId() + ":" + s.version())
                        .name("session")
                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(EventJson.write(s))
                        .build());
        // A comment line now and then keeps proxies from closing an idle stream.
        Multi<OutboundSseEvent> heartbeat = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(sessions, heartbeat);
    }
}
