package dev.rapport.gateway.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.Roles;
import dev.rapport.platform.web.CorrelationId;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What the agent does on the script page (set a variable, click a button, change the page) and on the interaction
 * (End: {@code disconnect}; {@code wrapUp} with a code and notes). Agents only: supervisors watch (read-only); an agent
 * acts only on an interaction connected to them, and wraps up only one that left them.
 */
@Path("/api/v2/agent/interactions/{interactionId}/commands")
@RolesAllowed(Roles.AGENT)
public class AgentCommandResource {
    /** The session version the agent's page showed when the agent acted (optional). */
    static final String SHOWN_VERSION = "X-Rapport-Session-Version";

    private final AgentCommandService commands;
    private final SecurityIdentity identity;
    private final CorrelationId correlationId;

    AgentCommandResource(AgentCommandService commands, SecurityIdentity identity, CorrelationId correlationId) {
        this.commands = commands;
        this.identity = identity;
        this.correlationId = correlationId;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> post(@PathParam("interactionId") String interactionId,
                                          @HeaderParam(SHOWN_VERSION) Long shownVersion, JsonNode body) {
        return commands.submit(AgentSessions.Viewer.of(identity), interactionId, body, correlationId.get(),
                        shownVersion)
                .thenApply(c -> Response.accepted(Map.of("id", c.id(), "interactionId", c.interactionId(),
                        "type", c.type().wireName(), "status", "accepted")).build());
    }
}
