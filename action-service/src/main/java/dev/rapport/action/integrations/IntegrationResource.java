package dev.rapport.action.integrations;

import dev.rapport.action.integrations.IntegrationViews.CreateIntegration;
import dev.rapport.action.integrations.IntegrationViews.CredentialInfo;
import dev.rapport.action.integrations.IntegrationViews.IntegrationView;
import dev.rapport.action.integrations.IntegrationViews.Listing;
import dev.rapport.action.integrations.IntegrationViews.SetCredentials;
import dev.rapport.contract.Roles;
import dev.rapport.platform.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
    public Listing<IntegrationView> list(@QueryParam("pageNumber") @DefaultValue("1") int pageNumber,
                                         @QueryParam("pageSize") @DefaultValue("25") int pageSize) {
        if (pageNumber < 1) {
            throw ApiException.invalidField("pageNumber", "pageNumber starts at 1");
        }
        if (pageSize < 1 || pageSize > 500) {
            throw ApiException.invalidField("pageSize", "pageSize must be between 1 and 500");
        }
        return integrations.list(pageNumber, pageSize);
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
