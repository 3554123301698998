package dev.rapport.script.flows;

import dev.rapport.contract.Roles;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import dev.rapport.platform.drafts.DraftRevisions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** /api/v2/flows/inbound: admins write, supervisors read. */
@Path("/api/v2/flows/inbound")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FlowResource {
    private final FlowService flows;
    private final LiveFlows live;

    FlowResource(FlowService flows, LiveFlows live) {
        this.live = live;
        this.flows = flows;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public EntityListing<FlowService.Flow> list(@QueryParam("pageNumber") Integer pageNumber,
                                                @QueryParam("pageSize") Integer pageSize, @Context UriInfo uri) {
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(flows.list(paging), paging, uri);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(FlowDefinition definition) {
        FlowService.Flow flow = flows.create(definition);
        return tagged(Response.created(URI.create("/api/v2/flows/inbound/" + flow.id())), flow);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Response get(@PathParam("id") UUID id) {
        return tagged(Response.ok(), flows.get(id));
    }

    /** Saves the draft; with If-Match (the draftRevision last read) it is refused with 412 if someone saved since. */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           FlowDefinition definition) {
        return tagged(Response.ok(), flows.updateDraft(id, definition, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") UUID id) {
        flows.delete(id);
        live.invalidate();
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public FlowService.Published publish(@PathParam("id") UUID id, @Context SecurityContext security) {
        FlowService.Published published = flows.publish(id, security.getUserPrincipal().getName());
        live.invalidate();
        return published;
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public List<FlowService.Published> versions(@PathParam("id") UUID id) {
        return flows.versions(id);
    }

    private static Response tagged(Response.ResponseBuilder builder, FlowService.Flow flow) {
        return builder.entity(flow).tag(DraftRevisions.tag(flow.draftRevision())).build();
    }
}
