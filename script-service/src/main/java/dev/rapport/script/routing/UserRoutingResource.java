package dev.rapport.script.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.Roles;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import dev.rapport.script.routing.SkillService.Kind;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/**
 * A user's routing: {@code /api/v2/users/{userId}/routingskills}, {@code /routinglanguages} (admins write;
 * supervisors read; an agent reads their own) and {@code /routingstatus} (an agent reads and sets their own, to
 * OFF_QUEUE or IDLE; admins and supervisors anyone's, to any). The user is one of the directory's.
 */
@Path("/api/v2/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserRoutingResource {
    private final SkillService skills;
    private final RoutingStatusService statuses;
    private final SecurityIdentity identity;

    UserRoutingResource(SkillService skills, RoutingStatusService statuses, SecurityIdentity identity) {
        this.skills = skills;
        this.statuses = statuses;
        this.identity = identity;
    }

    @GET
    @Path("/routingskills")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public EntityListing<Map<String, Object>> skills(@PathParam("userId") String userId,
                                                     @QueryParam("pageNumber") Integer pageNumber,
                                                     @QueryParam("pageSize") Integer pageSize, @Context UriInfo uri)
            throws SQLException {
        requireSelfOrWatcher(userId);
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(skills.ofUser(Kind.SKILL, userId, paging), paging, uri);
    }

    @POST
    @Path("/routingskills")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> addSkill(@PathParam("userId") String userId, JsonNode body) throws SQLException {
        return skills.addToUser(Kind.SKILL, userId, body);
    }

    @DELETE
    @Path("/routingskills/{skillId}")
    @RolesAllowed(Roles.ADMIN)
    public Response removeSkill(@PathParam("userId") String userId, @PathParam("skillId") String skillId)
            throws SQLException {
        skills.removeFromUser(Kind.SKILL, userId, skillId);
        return Response.noContent().build();
    }

    @GET
    @Path("/routinglanguages")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public EntityListing<Map<String, Object>> languages(@PathParam("userId") String userId,
                                                        @QueryParam("pageNumber") Integer pageNumber,
                                                        @QueryParam("pageSize") Integer pageSize, @Context UriInfo uri)
            throws SQLException {
        requireSelfOrWatcher(userId);
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(skills.ofUser(Kind.LANGUAGE, userId, paging), paging, uri);
    }

    @POST
    @Path("/routinglanguages")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> addLanguage(@PathParam("userId") String userId, JsonNode body) throws SQLException {
        return skills.addToUser(Kind.LANGUAGE, userId, body);
    }

    @DELETE
    @Path("/routinglanguages/{languageId}")
    @RolesAllowed(Roles.ADMIN)
    public Response removeLanguage(@PathParam("userId") String userId, @PathParam("languageId") String languageId)
            throws SQLException {
        skills.removeFromUser(Kind.LANGUAGE, userId, languageId);
        return Response.noContent().build();
    }

    @GET
    @Path("/routingstatus")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public Map<String, Object> status(@PathParam("userId") String userId) throws SQLException {
        requireSelfOrWatcher(userId);
        return RoutingStatusService.shown(statuses.get(userId));
    }

    @PUT
    @Path("/routingstatus")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public Map<String, Object> setStatus(@PathParam("userId") String userId, JsonNode body) throws SQLException {
        requireSelfOrWatcher(userId);
        return RoutingStatusService.shown(statuses.put(userId, body, watcher()));
    }

    private boolean watcher() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.SUPERVISOR);
    }

    /** An agent reaches only their own routing (403 for anyone else's). */
    private void requireSelfOrWatcher(String userId) throws SQLException {
        skills.requireKnown(userId); // 404 first: the directory is no secret (GET /api/v2/users)
        if (!watcher() && !identity.getPrincipal().getName().equals(userId)) {
            throw new ForbiddenException("an agent reaches only their own routing");
        }
    }
}
