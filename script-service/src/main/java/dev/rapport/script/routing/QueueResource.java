package dev.rapport.script.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.Roles;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Map;

/** Genesys's {@code /api/v2/routing/queues} and {@code /members}: admins write; supervisors and agents read. */
@Path(QueueService.BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueueResource {
    private final QueueService queues;

    QueueResource(QueueService queues) {
        this.queues = queues;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public EntityListing<Map<String, Object>> list(@QueryParam("pageNumber") Integer pageNumber,
                                                   @QueryParam("pageSize") Integer pageSize,
                                                   @QueryParam("name") String name, @Context UriInfo uri)
            throws SQLException {
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(queues.list(paging, name), paging, uri);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(JsonNode body, @Context SecurityContext security) throws SQLException {
        return Response.ok(queues.create(body, security.getUserPrincipal().getName())).build();
    }

    @GET
    @Path("/{queueId}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public Map<String, Object> get(@PathParam("queueId") String id) throws SQLException {
        return queues.get(id);
    }

    @PUT
    @Path("/{queueId}")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> update(@PathParam("queueId") String id, JsonNode body,
                                      @Context SecurityContext security) throws SQLException {
        return queues.update(id, body, security.getUserPrincipal().getName());
    }

    @DELETE
    @Path("/{queueId}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("queueId") String id) throws SQLException {
        queues.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{queueId}/members")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public EntityListing<Map<String, Object>> members(@PathParam("queueId") String id,
                                                      @QueryParam("pageNumber") Integer pageNumber,
                                                      @QueryParam("pageSize") Integer pageSize, @Context UriInfo uri)
            throws SQLException {
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(queues.members(id, paging), paging, uri);
    }

    /** Adds the members in the body, or removes them with {@code ?delete=true} (Genesys's shape: [{"id": userId}]). */
    @POST
    @Path("/{queueId}/members")
    @RolesAllowed(Roles.ADMIN)
    public Response changeMembers(@PathParam("queueId") String id, @QueryParam("delete") boolean delete, JsonNode body)
            throws SQLException {
        queues.changeMembers(id, body, delete);
        return Response.noContent().build();
    }
}
