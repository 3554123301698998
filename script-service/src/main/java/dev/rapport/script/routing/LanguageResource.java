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

/** Genesys's {@code /api/v2/routing/languages}: admins write; supervisors and agents read. */
@Path("/api/v2/routing/languages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LanguageResource extends SkillKindResource {

    LanguageResource(SkillService skills) {
        super(skills, Kind.LANGUAGE);
    }

    @GET
    @Path("/{languageId}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public Map<String, Object> get(@PathParam("languageId") String id) throws SQLException {
        return find(id);
    }

    @DELETE
    @Path("/{languageId}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("languageId") String id) throws SQLException {
        return remove(id);
    }
}
