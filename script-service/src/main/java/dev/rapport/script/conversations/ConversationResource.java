package dev.rapport.script.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.Roles;
import dev.rapport.script.conversations.GenesysConversation.Conversation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Genesys's Conversations API over Rapport's interactions (the interaction id is the conversation id), so that
 * Genesys's data actions that call it with a relative URL run unchanged: read a conversation, set participant data,
 * disconnect, tag. Admins and services (a data action's integration) reach any conversation, supervisors read any
 * (they never act on an interaction, docs/security.md), an agent only one they are connected to. Writes answer 202,
 * as Genesys does: the session core or the telephony side applies them.
 */
@Path(ConversationViews.BASE)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SERVICE, Roles.AGENT})
public class ConversationResource {
    private final ConversationService conversations;

    ConversationResource(ConversationService conversations) {
        this.conversations = conversations;
    }

    @GET
    @Path("/{conversationId}")
    public Conversation get(@PathParam("conversationId") String id, @Context SecurityContext security) {
        return conversations.get(id, Caller.of(security));
    }

    /** Body {@code {"attributes": {"name": "value"}}}: merged into the interaction's participant data. */
    @PATCH
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE, Roles.AGENT})
    @Path("/{conversationId}/participants/{participantId}/attributes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setAttributes(@PathParam("conversationId") String id,
                                  @PathParam("participantId") String participantId, JsonNode body,
                                  @Context SecurityContext security) {
        conversations.setAttributes(id, participantId, body, Caller.acting(security));
        return Response.accepted().build();
    }

    /** Asks the telephony side to end the conversation; it has ended when the interaction says so. */
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE, Roles.AGENT})
    @Path("/{conversationId}/disconnect")
    public Response disconnect(@PathParam("conversationId") String id, @Context SecurityContext security) {
        conversations.disconnect(id, Caller.acting(security));
        return Response.accepted().build();
    }

    /** Body {@code {"externalTag": "..."}} (other members ignored; {@code ""} removes the tag). */
    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE, Roles.AGENT})
    @Path("/{conversationId}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response tag(@PathParam("conversationId") String id, JsonNode body, @Context SecurityContext security) {
        conversations.tag(id, body, Caller.acting(security));
        return Response.accepted().build();
    }
}
