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
 * Genesys's {@code /api/v2/architect/schedules}: admins write, admins and supervisors read. Each answer's ETag is the
 * schedule's version; an update must carry the version it read (in the body, as Genesys, or as If-Match).
 */
@Path(Schedule.BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduleResource {
    private final ScheduleService schedules;

    ScheduleResource(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public EntityListing<Schedule> list(@BeanParam ListingQuery query) {
        return query.answer(schedules::listSchedules);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(Schedule body, @Context SecurityContext security) {
        return tagged(schedules.createSchedule(body, security.getUserPrincipal().getName()));
    }

    @GET
    @Path("/{scheduleId}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Response get(@PathParam("scheduleId") String id) {
        return tagged(schedules.getSchedule(id));
    }

    @PUT
    @Path("/{scheduleId}")
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("scheduleId") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           Schedule body, @Context SecurityContext security) {
        return tagged(schedules.updateSchedule(id, body, ifMatch, security.getUserPrincipal().getName()));
    }

    @DELETE
    @Path("/{scheduleId}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("scheduleId") String id) {
        schedules.deleteSchedule(id);
        return Response.noContent().build();
    }

    private static Response tagged(ScheduleEntity e) {
        return Response.ok(Schedule.of(e)).tag(IfMatch.tag(e.version)).build();
    }
}
