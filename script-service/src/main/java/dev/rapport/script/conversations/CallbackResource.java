package dev.rapport.script.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.Roles;
import dev.rapport.script.conversations.GenesysConversation.CallbackConversation;
import dev.rapport.script.conversations.GenesysConversation.CreateCallbackResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Genesys's scheduled callbacks: {@code POST /api/v2/conversations/callbacks} asks the telephony side for one (a new
 * conversation), {@code GET /api/v2/conversations/callbacks/{id}} reads it. Admins and services; supervisors read.
 */
@Path(ConversationViews.BASE + "/callbacks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SERVICE})
public class CallbackResource {
    private final CallbackService callbacks;

    CallbackResource(CallbackService callbacks) {
        this.callbacks = callbacks;
    }

    /** Body: Genesys's {@code CreateCallbackCommand} ({@link CallbackRequest}). */
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @Consumes(MediaType.APPLICATION_JSON)
    public CreateCallbackResponse create(JsonNode body, @Context SecurityContext security) {
        return callbacks.create(body, Caller.acting(security));
    }

    @GET
    @Path("/{conversationId}")
    public CallbackConversation get(@PathParam("conversationId") String id, @Context SecurityContext security) {
        return callbacks.get(id, Caller.of(security));
    }
}
