package dev.rapport.script.routing;

import dev.rapport.contract.Roles;
import dev.rapport.script.routing.SkillService.Kind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;

/** Genesys's {@code /api/v2/routing/skills}: admins write; supervisors and agents read. */
@Path("/api/v2/routing/skills")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SkillResource extends SkillKindResource {

    SkillResource(SkillService skills) {
        super(skills, Kind.SKILL);
    }

    @GET
    @Path("/{skillId}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public Map<String, Object> get(@PathParam("skillId") String id) throws SQLException {
        return find(id);
    }

    @DELETE
    @Path("/{skillId}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("skillId") String id) throws SQLException {
        return remove(id);
    }
}
