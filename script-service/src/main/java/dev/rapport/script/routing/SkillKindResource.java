package dev.rapport.script.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.Roles;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import dev.rapport.script.routing.SkillService.Kind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Map;

/**
 * The CRUD that {@code /api/v2/routing/skills} and {@code /languages} share, over one {@link Kind}: admins write;
 * supervisors and agents read. A subclass gives the path, @Produces and @Consumes (not inherited), and declares get
 * and delete itself: their path parameter keeps Genesys's name for the kind ({@code skillId}, {@code languageId}),
 * which an annotation here cannot vary.
 */
abstract class SkillKindResource {
    private final SkillService skills;
    private final Kind kind;

    SkillKindResource(SkillService skills, Kind kind) {
        this.skills = skills;
        this.kind = kind;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public EntityListing<Map<String, Object>> list(@QueryParam("pageNumber") Integer pageNumber,
                                                   @QueryParam("pageSize") Integer pageSize,
                                                   @QueryParam("name") String name, @Context UriInfo uri)
            throws SQLException {
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(skills.list(kind, paging, name), paging, uri);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> create(JsonNode body) throws SQLException {
        return skills.create(kind, body);
    }

    /** GET {@code /{id}}: for the subclass's annotated method. */
    Map<String, Object> find(String id) throws SQLException {
        return skills.get(kind, id);
    }

    /** DELETE {@code /{id}}: for the subclass's annotated method. */
    Response remove(String id) throws SQLException {
        skills.delete(kind, id);
        return Response.noContent().build();
    }
}
