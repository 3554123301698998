package dev.rapport.script.genesys;

import dev.rapport.contract.Roles;
import dev.rapport.script.genesys.GenesysScriptViews.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Genesys's {@code /api/v2/scripts/{scriptId}/pages}: the draft's pages, read as the draft is (admin, supervisor). */
@Path("/api/v2/scripts/{id}/pages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
public class ScriptPagesResource {
    private final GenesysScriptService scripts;

    ScriptPagesResource(GenesysScriptService scripts) {
        this.scripts = scripts;
    }

    @GET
    public List<Page> pages(@PathParam("id") String scriptId) {
        return scripts.draftPages(scriptId);
    }

    @GET
    @Path("/{pageId}")
    public Page page(@PathParam("id") String scriptId, @PathParam("pageId") String pageId) {
        return scripts.draftPage(scriptId, pageId);
    }
}
