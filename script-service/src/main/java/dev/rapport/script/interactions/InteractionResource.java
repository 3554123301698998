package dev.rapport.script.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.script.sessions.Timeline;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

@Path("/api/v2/interactions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN}) // no service: it reads rows, not other interactions (docs/security.md)
public class InteractionResource {
    private final Timeline timeline;
    private final RecentInteractions recent;

    InteractionResource(Timeline timeline, RecentInteractions recent) {
        this.timeline = timeline;
        this.recent = recent;
    }

    /** The latest interactions (of one script, when scriptId is given), newest first, with their script inputs. */
    @GET
    public Map<String, List<RecentInteractions.Summary>> list(@QueryParam("scriptId") String scriptId,
                                                              @QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > 100) {
            throw InvalidInput.field("limit", "limit must be between 1 and 100");
        }
        return Map.of("entities", recent.latest(scriptId == null || scriptId.isBlank() ? null : scriptId, limit));
    }

    /** The interaction's current session state, as last published on 'sessions'. */
    @GET
    @Path("/{interactionId}/session")
    public JsonNode session(@PathParam("interactionId") String interactionId) throws Exception {
        return EventJson.mapper().readTree(find(interactionId).lastState);
    }

    /** The interaction's participant data: what the IVR, the flow and the agent's output variables set. */
    @GET
    @Path("/{interactionId}/participantdata")
    public Map<String, String> participantData(@PathParam("interactionId") String interactionId) {
        return find(interactionId).attributes;
    }

    /** Everything that happened to the session, in order: inputs, steps, variable changes, action calls. */
    @GET
    @Path("/{interactionId}/timeline")
    public Map<String, List<Timeline.Entry>> timeline(@PathParam("interactionId") String interactionId) {
        find(interactionId);
        return Map.of("entities", timeline.of(interactionId));
    }

    private static Interaction find(String interactionId) {
        Interaction interaction = Interaction.findById(interactionId);
        if (interaction == null) {
            throw new NotFound("Interaction " + interactionId + " not found");
        }
        return interaction;
    }
}
