package dev.rapport.action.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.actions.ActionViews.ActionExport;
import dev.rapport.action.actions.ActionViews.ActionInput;
import dev.rapport.action.actions.ActionViews.ActionView;
import dev.rapport.action.actions.ActionViews.PublishDraft;
import dev.rapport.action.actions.ActionViews.UpdateAction;
import dev.rapport.action.actions.ActionViews.UpdateDraft;
import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;

/** Genesys's {@code /api/v2/integrations/actions}: actions, drafts, versions, import and export (running them: execution). */
@Path("/api/v2/integrations/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ActionResource {
    private final ActionService actions;
    private final ActionFiles files;

    ActionResource(ActionService actions, ActionFiles files) {
        this.actions = actions;
        this.files = files;
    }

    @GET
    public EntityListing<ActionView> list(@QueryParam("pageNumber") Integer pageNumber,
                                          @QueryParam("pageSize") Integer pageSize,
                                          @QueryParam("name") String name, @QueryParam("category") String category,
                                          @Context UriInfo uri) {
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(actions.list(paging, name, category), paging, uri);
    }

    /** Genesys's {@code GET /actions/drafts}: the actions that have a draft (imported ones are drafts until published). */
    @GET
    @Path("/drafts")
    public EntityListing<ActionView> drafts(@QueryParam("pageNumber") Integer pageNumber,
                                            @QueryParam("pageSize") Integer pageSize,
                                            @QueryParam("name") String name, @QueryParam("category") String category,
                                            @Context UriInfo uri) {
        Paging paging = Paging.of(pageNumber, pageSize);
        return EntityListing.of(actions.listDrafts(paging, name, category), paging, uri);
    }

    @POST
    public ActionView create(ActionInput body) {
        return actions.create(body);
    }

    @POST
    @Path("/drafts")
    public ActionView createDraft(ActionInput body) {
        return actions.createDraft(body);
    }

    /** Genesys's Import: the export file as it is; choose the integration and (optionally) the name. */
    @POST
    @Path("/import")
    public ActionView importExport(ObjectNode file, @QueryParam("integrationId") String integrationId,
                                   @QueryParam("name") String name, @QueryParam("category") String category,
                                   @QueryParam("publish") @DefaultValue("false") boolean publish) {
        if (integrationId == null || integrationId.isBlank()) {
            throw InvalidInput.field("integrationId", "choose the integration to import into");
        }
        return files.importFile(file, integrationId, name, category, publish);
    }

    @GET
    @Path("/{actionId}")
    public ActionView get(@PathParam("actionId") String id, @QueryParam("version") Integer version) {
        return actions.get(id, version);
    }

    @GET
    @Path("/{actionId}/export")
    public ActionExport export(@PathParam("actionId") String id, @QueryParam("draft") @DefaultValue("false") boolean draft) {
        return files.export(id, draft);
    }

    @PATCH
    @Path("/{actionId}")
    public ActionView update(@PathParam("actionId") String id, UpdateAction body) {
        return actions.update(id, body);
    }

    @DELETE
    @Path("/{actionId}")
    public void delete(@PathParam("actionId") String id) {
        actions.delete(id);
    }

    @GET
    @Path("/{actionId}/draft")
    public ActionView draft(@PathParam("actionId") String id) {
        return actions.getDraft(id);
    }

    @PATCH
    @Path("/{actionId}/draft")
    public ActionView updateDraft(@PathParam("actionId") String id, UpdateDraft body) {
        return actions.updateDraft(id, body);
    }

    @DELETE
    @Path("/{actionId}/draft")
    public void deleteDraft(@PathParam("actionId") String id) {
        actions.deleteDraft(id);
    }

    @POST
    @Path("/{actionId}/draft/publish")
    public ActionView publish(@PathParam("actionId") String id, PublishDraft body) {
        return actions.publishDraft(id, body == null ? null : body.version());
    }
}
