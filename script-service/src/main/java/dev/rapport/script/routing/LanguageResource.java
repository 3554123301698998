package dev.rapport.script.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.Roles;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import dev.rapport.script.routing.SkillService.Kind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Map;

/** Genesys's {@code /api/v2/routing/languages}: admins write; supervisors and agents read. */
@Path("/api/v2/routing/languages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LanguageResource {
    private final SkillService skills;

    LanguageResource(SkillService skills) {
        this.skills = skills;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public EntityListing<Map<String, Object>> list(@QueryParam("pageNumber") Integer pageNumber,
                                                   @QueryParam("pageSize") Integer pageSize,
                                                   @QueryParam("name") String name, @Context UriInfo uri)
            throws SQLException {
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(skills.list(Kind.LANGUAGE, paging, name), paging, uri);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> create(JsonNode body) throws SQLException {
        return skills.create(Kind.LANGUAGE, body);
    }

    @GET
    @Path("/{languageId}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public Map<String, Object> get(@PathParam("languageId") String id) throws SQLException {
        return skills.get(Kind.LANGUAGE, id);
    }

    @DELETE
    @Path("/{languageId}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("languageId") String id) throws SQLException {
        skills.delete(Kind.LANGUAGE, id);
        return Response.noContent().build();
    }
}
