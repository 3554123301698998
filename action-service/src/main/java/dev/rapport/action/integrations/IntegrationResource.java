package dev.rapport.action.integrations;

import dev.rapport.action.integrations.IntegrationViews.CreateIntegration;
import dev.rapport.action.integrations.IntegrationViews.CredentialInfo;
import dev.rapport.action.integrations.IntegrationViews.IntegrationView;
import dev.rapport.action.integrations.IntegrationViews.SetCredentials;
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
import jakarta.ws.rs.core.UriInfo;

/** Genesys's {@code /api/v2/integrations} for the two data action integration types. */
@Path("/api/v2/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class IntegrationResource {
    private final IntegrationService integrations;

    IntegrationResource(IntegrationService integrations) {
        this.integrations = integrations;
    }

    @GET
    public EntityListing<IntegrationView> list(@QueryParam("pageNumber") Integer pageNumber,
                                               @QueryParam("pageSize") Integer pageSize, @Context UriInfo uri) {
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(integrations.list(paging), paging, uri);
    }

    @POST
    public IntegrationView create(CreateIntegration body) {
        return integrations.create(body);
    }

    @GET
    @Path("/{integrationId}")
    public IntegrationView get(@PathParam("integrationId") String id) {
        return integrations.get(id);
    }

    @DELETE
    @Path("/{integrationId}")
    public void delete(@PathParam("integrationId") String id) {
        integrations.delete(id);
    }

    /** Sets (replaces) the credentials; the answer names the fields but never holds their values. */
    @PUT
    @Path("/{integrationId}/credentials")
    public CredentialInfo setCredentials(@PathParam("integrationId") String id, SetCredentials body) {
        return integrations.setCredentials(id, body);
    }
}
