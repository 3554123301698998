package dev.rapport.script.designer;

import dev.rapport.contract.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The designer's own endpoints under /api/v2/scripts: live expression checks and preview sessions (admins). */
@Path("/api/v2/scripts")
@Produces(MediaType.APPLICATION_JSON)
public class DesignerResource {
    private final ExpressionTrial expressions;
    private final PreviewSessions previews;

    DesignerResource(ExpressionTrial expressions, PreviewSessions previews) {
        this.expressions = expressions;
        this.previews = previews;
    }

    /** Evaluates an expression with sample variable values, as the designer types it. */
    @POST
    @Path("/expressions/evaluate")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public ExpressionTrial.Result evaluate(ExpressionTrial.Request request) {
        return expressions.evaluate(request);
    }

    /** Starts a preview session (typed inputs, or those of a recent interaction); its custom actions run for real. */
    @POST
    @Path("/{id}/preview/session")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public PreviewSessions.State startPreview(@PathParam("id") String id, PreviewSessions.Start request,
                                              @Context SecurityContext security,
                                              @jakarta.ws.rs.HeaderParam("Authorization") String authorization) {
        String by = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        return previews.start(id, request, authorization, by);
    }

    /** A command (click, setVariable, changePage) on a preview session whose state the caller sends back. */
    @POST
    @Path("/{id}/preview/session/commands")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public PreviewSessions.State previewCommand(@PathParam("id") String id, PreviewSessions.CommandRequest request,
                                                @jakarta.ws.rs.HeaderParam("Authorization") String authorization) {
        return previews.command(id, request, authorization);
    }
}
