package dev.rapport.script.interactions;

import dev.rapport.contract.SessionState;
import dev.rapport.contract.Roles;
import dev.rapport.platform.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v2/interactions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.SERVICE})
public class InteractionResource {

    /** The interaction's current session state, as last published on 'sessions'. */
    @GET
    @Path("/{interactionId}/session")
    public SessionState session(@PathParam("interactionId") String interactionId) {
        Interaction interaction = Interaction.findById(interactionId);
        if (interaction == null) {
            throw ApiException.notFound("Interaction " + interactionId + " not found");
        }
        return interaction.toSessionState();
    }
}
