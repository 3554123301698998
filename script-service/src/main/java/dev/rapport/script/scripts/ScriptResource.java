package dev.rapport.script.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.platform.drafts.DraftRevisions;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

/** /api/v2/scripts: admins write, supervisors read. */
@Path("/api/v2/scripts")
@Produces(MediaType.APPLICATION_JSON)
public class ScriptResource {
    private final ScriptService scripts;
    private final PublishedScripts publishedScripts;

    ScriptResource(ScriptService scripts, PublishedScripts publishedScripts) {
        this.scripts = scripts;
        this.publishedScripts = publishedScripts;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public EntityListing<ScriptViews.Script> list(@QueryParam("pageSize") Integer pageSize,
                                                  @QueryParam("pageNumber") Integer pageNumber,
                                                  @QueryParam("name") String name, @Context UriInfo uri) {
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(scripts.list(paging, name), paging, uri);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        ScriptViews.Script created = scripts.create(ScriptFormat.read(body));
        return Response.created(URI.create(created.selfUri())).entity(created)
                .tag(DraftRevisions.tag(created.draftRevision())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Response get(@PathParam("id") String id) {
        ScriptViews.Script script = scripts.get(id);
        return Response.ok(script).tag(DraftRevisions.tag(script.draftRevision())).build();
    }

    /** Saves the draft; with If-Match (the draftRevision last read) it is refused with 412 if someone saved since. */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        ScriptViews.Script script = scripts.updateDraft(id, ScriptFormat.read(body), ifMatch);
        return Response.ok(script).tag(DraftRevisions.tag(script.draftRevision())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") String id) {
        scripts.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/validation")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public ScriptViews.Validation validation(@PathParam("id") String id) {
        var problems = scripts.validate(id);
        return new ScriptViews.Validation(problems.isEmpty(), problems);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.ADMIN)
    public Response publish(@PathParam("id") String id, @Context SecurityContext security,
                            @jakarta.ws.rs.HeaderParam("Authorization") String authorization) {
        String by = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        var published = scripts.publish(id, by, authorization);
        publishedScripts.invalidate(id);
        return Response.status(201).entity(published).build();
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public List<ScriptViews.Version> versions(@PathParam("id") String id) {
        return scripts.versions(id);
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public ScriptViews.VersionDetail version(@PathParam("id") String id, @PathParam("version") int version) {
        return scripts.version(id, version);
    }

    /** Makes a published version the current one again (the one new sessions pin). */
    @POST
    @Path("/{id}/versions/{version}/current")
    @RolesAllowed(Roles.ADMIN)
    public ScriptViews.Version makeCurrent(@PathParam("id") String id, @PathParam("version") int version) {
        var current = scripts.makeCurrent(id, version);
        publishedScripts.invalidate(id);
        return current;
    }

    @GET
    @Path("/{id}/diff")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public ScriptViews.Diff diff(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") @DefaultValue("draft") String to) {
        if (from == null) {
            throw InvalidInput.field("from", "from is required: a version number or 'draft'");
        }
        return scripts.diff(id, from, to);
    }

    @GET
    @Path("/{id}/export")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public ScriptViews.Export export(@PathParam("id") String id, @QueryParam("version") Integer version) {
        return scripts.export(id, version);
    }

    @POST
    @Path("/{id}/preview")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public ScriptViews.Preview preview(@PathParam("id") String id, ScriptViews.PreviewRequest request) {
        return scripts.preview(id, request);
    }

}
