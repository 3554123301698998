package dev.rapport.script.genesys;

import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import dev.rapport.script.genesys.GenesysScriptViews.Page;
import dev.rapport.script.genesys.GenesysScriptViews.Script;
import dev.rapport.script.genesys.GenesysScriptViews.Variable;
import dev.rapport.script.model.VariableType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Genesys's published scripts ({@code /api/v2/scripts/published}): the version of each script in use, as Genesys's
 * SDKs and integrations read it. Agents read them too, as Genesys's agents read the scripts they are shown.
 * Genesys's parameters Rapport has nothing for ({@code expand}, {@code divisionIds}, {@code scriptDataVersion}) are
 * accepted and ignored.
 */
@Path("/api/v2/scripts/published")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT})
public class PublishedScriptResource {
    private final GenesysScriptService scripts;

    PublishedScriptResource(GenesysScriptService scripts) {
        this.scripts = scripts;
    }

    @GET
    public EntityListing<Script> list(@QueryParam("pageSize") Integer pageSize,
                                      @QueryParam("pageNumber") Integer pageNumber,
                                      @QueryParam("name") String name, @QueryParam("feature") String feature,
                                      @QueryParam("flowId") String flowId, @Context UriInfo uri) {
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(scripts.published(paging, new GenesysScriptService.Filter(name, feature, flowId)),
                paging, uri);
    }

    @GET
    @Path("/{scriptId}")
    public Script get(@PathParam("scriptId") String scriptId) {
        return scripts.published(scriptId);
    }

    @GET
    @Path("/{scriptId}/pages")
    public List<Page> pages(@PathParam("scriptId") String scriptId) {
        return scripts.publishedPages(scriptId);
    }

    @GET
    @Path("/{scriptId}/pages/{pageId}")
    public Page page(@PathParam("scriptId") String scriptId, @PathParam("pageId") String pageId) {
        return scripts.publishedPage(scriptId, pageId);
    }

    /** Genesys's filters: {@code input} and {@code output} {@code true|false}, {@code type} string|number|boolean. */
    @GET
    @Path("/{scriptId}/variables")
    public Map<String, Variable> variables(@PathParam("scriptId") String scriptId, @QueryParam("input") String input,
                                           @QueryParam("output") String output, @QueryParam("type") String type) {
        return scripts.publishedVariables(scriptId, flag("input", input), flag("output", output), type(type));
    }

    private static Boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidInput.field(field, field + " is true or false");
        };
    }

    private static VariableType type(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "string" -> VariableType.STRING;
            case "number" -> VariableType.NUMBER;
            case "boolean" -> VariableType.BOOLEAN;
            default -> throw InvalidInput.field("type", "type is string, number or boolean");
        };
    }
}
