package dev.rapport.script.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.platform.drafts.DraftRevisions;
import dev.rapport.script.scripts.ScriptViews;
import dev.rapport.contract.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** POST /api/v2/scripts/import: a Genesys Architect .script export becomes a Rapport script draft (admins). */
@Path("/api/v2/scripts")
@Produces(MediaType.APPLICATION_JSON)
public class ScriptImportResource {
    private final ScriptImporter importer;

    ScriptImportResource(ScriptImporter importer) {
        this.importer = importer;
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importScript(JsonNode body) {
        ScriptViews.ImportResult result = importer.importScript(body);
        return Response.created(URI.create(result.script().selfUri())).entity(result)
                .tag(DraftRevisions.tag(result.script().draftRevision())).build();
    }
}
