package dev.rapport.script.interactions;

import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.InvalidInput;
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

/** GET /api/v2/scripts/{id}/interactions: the recent interactions of one script, for the designer's preview. */
@Path("/api/v2/scripts/{id}/interactions")
@Produces(MediaType.APPLICATION_JSON)
public class ScriptInteractionsResource {
    private final RecentInteractions recent;

    ScriptInteractionsResource(RecentInteractions recent) {
        this.recent = recent;
    }

    /** The latest interactions that opened this script: GET /api/v2/interactions?scriptId= under the script's path. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Map<String, List<RecentInteractions.Summary>> interactions(@PathParam("id") String id,
                                                                  @QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > 100) {
            throw InvalidInput.field("limit", "limit must be between 1 and 100");
        }
        return Map.of("entities", recent.latest(id, limit));
    }
}
