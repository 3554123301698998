package dev.rapport.script.routing;

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
 * Genesys's {@code /api/v2/routing/wrapupcodes}: admins write; supervisors and agents read (an agent picks one to
 * wrap up). Each answer's ETag is the code's version; PUT takes If-Match against it (none: no check).
 */
@Path(WrapupCode.BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WrapupCodeResource {
    private final WrapupCodeService codes;

    WrapupCodeResource(WrapupCodeService codes) {
        this.codes = codes;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public EntityListing<WrapupCode> list(@BeanParam ListingQuery query) {
        return query.answer(codes::list);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(WrapupCodeRequest body, @Context SecurityContext security) {
        return tagged(codes.create(body, security.getUserPrincipal().getName()));
    }

    @GET
    @Path("/{codeId}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
    public Response get(@PathParam("codeId") String id) {
        return tagged(codes.get(id));
    }

    @PUT
    @Path("/{codeId}")
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("codeId") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           WrapupCodeRequest body, @Context SecurityContext security) {
        return tagged(codes.update(id, body, ifMatch, security.getUserPrincipal().getName()));
    }

    @DELETE
    @Path("/{codeId}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("codeId") String id) {
        codes.delete(id);
        return Response.noContent().build();
    }

    private static Response tagged(WrapupCodeEntity code) {
        return Response.ok(WrapupCode.of(code)).tag(IfMatch.tag(code.version)).build();
    }
}
