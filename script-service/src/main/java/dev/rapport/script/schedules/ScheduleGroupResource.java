package dev.rapport.script.schedules;

import dev.rapport.contract.Roles;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.IfMatch;
import dev.rapport.platform.web.ListingQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Genesys's {@code /api/v2/architect/schedulegroups}: admins write, admins and supervisors read. Each answer's ETag is
 * the group's version; an update must carry the version it read (in the body, as Genesys, or as If-Match).
 */
@Path(ScheduleGroup.BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduleGroupResource {
    private final ScheduleService schedules;

    ScheduleGroupResource(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public EntityListing<ScheduleGroup> list(@BeanParam ListingQuery query) {
        return query.answer(schedules::listGroups);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(ScheduleGroup body, @Context SecurityContext security) {
        return tagged(schedules.createGroup(body, security.getUserPrincipal().getName()));
    }

    @GET
    @Path("/{scheduleGroupId}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Response get(@PathParam("scheduleGroupId") String id) {
        return tagged(schedules.getGroup(id));
    }

    @PUT
    @Path("/{scheduleGroupId}")
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("scheduleGroupId") String id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ScheduleGroup body,
                           @Context SecurityContext security) {
        return tagged(schedules.updateGroup(id, body, ifMatch, security.getUserPrincipal().getName()));
    }

    @DELETE
    @Path("/{scheduleGroupId}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("scheduleGroupId") String id) {
        schedules.deleteGroup(id);
        return Response.noContent().build();
    }

    private static Response tagged(ScheduleGroup group) {
        return Response.ok(group).tag(IfMatch.tag(group.version())).build();
    }
}
