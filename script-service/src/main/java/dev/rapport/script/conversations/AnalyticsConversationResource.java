package dev.rapport.script.conversations;

import dev.rapport.contract.Roles;
import dev.rapport.script.conversations.GenesysAnalytics.ConversationDetails;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Genesys's conversation details (Analytics API) over Rapport's interactions, for the data actions that read a
 * conversation's legs there (a transfer to an outside number is an {@code external} participant's outbound
 * session). Who may read: as {@code GET /api/v2/conversations/{id}} (an agent only a call they are connected to).
 */
@Path("/api/v2/analytics/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SERVICE, Roles.AGENT})
public class AnalyticsConversationResource {
    private final ConversationService conversations;

    AnalyticsConversationResource(ConversationService conversations) {
        this.conversations = conversations;
    }

    @GET
    @Path("/{conversationId}/details")
    public ConversationDetails details(@PathParam("conversationId") String id, @Context SecurityContext security) {
        return conversations.details(id, Caller.of(security));
    }
}
