package dev.rapport.action.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.actions.ActionService;
import dev.rapport.action.engine.CallDepth;
import dev.rapport.action.engine.Execution;
import dev.rapport.action.execution.ExecutionService.Origin;
import dev.rapport.contract.GenesysError;
import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Running data actions under {@code /api/v2/integrations/actions}: execute, test (published or draft), the log. */
@Path("/api/v2/integrations/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ExecutionResource {
    private final ActionService actions;
    private final ExecutionService executions;
    private final ExecutionLog log;

    ExecutionResource(ActionService actions, ExecutionService executions, ExecutionLog log) {
        this.actions = actions;
        this.executions = executions;
        this.log = log;
    }

    /** Genesys's TestExecutionResult. */
    public record TestExecutionResult(List<Execution.Step> operations, GenesysError error, JsonNode finalResult,
                                      boolean success) {
    }

    /** Runs the published action: the result per the success contract, or Genesys's error body. */
    @POST
    @Path("/{actionId}/execute")
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE}) // service: a Rapport service running an action (nested data actions)
    public Response execute(@PathParam("actionId") String id, ObjectNode input,
                            @QueryParam("flatten") @DefaultValue("false") boolean flatten,
                            @QueryParam("version") Integer version,
                            @HeaderParam(CallDepth.HEADER) String depth) {
        Execution execution = executions.execute(actions.resolve(id, version), inputOf(input), flatten,
                Origin.api(CallDepth.of(depth)));
        if (execution.outcome() instanceof Execution.Success s) {
            return Response.ok(s.output()).build();
        }
        return Response.status(execution.error().status()).entity(execution.error()).build();
    }

    @POST
    @Path("/{actionId}/test")
    public TestExecutionResult test(@PathParam("actionId") String id, ObjectNode input,
                                    @QueryParam("flatten") @DefaultValue("false") boolean flatten) {
        return result(executions.execute(actions.resolve(id, null), inputOf(input), flatten, Origin.test()));
    }

    @POST
    @Path("/{actionId}/draft/test")
    public TestExecutionResult testDraft(@PathParam("actionId") String id, ObjectNode input,
                                         @QueryParam("flatten") @DefaultValue("false") boolean flatten) {
        return result(executions.execute(actions.resolveDraft(id), inputOf(input), flatten, Origin.test()));
    }

    /** The execution log of an action, newest first; inputs and outputs of secure actions are masked. */
    @GET
    @Path("/{actionId}/executions")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public List<ExecutionLog.Entry> executions(@PathParam("actionId") String id,
                                               @QueryParam("limit") @DefaultValue("50") int limit) {
        actions.find(id);
        return log.forAction(id, Math.max(1, Math.min(limit, 500)));
    }

    /** Counts by outcome and p50/p95/p99 of the duration over the action's whole execution log. */
    @GET
    @Path("/{actionId}/executions/stats")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public ExecutionLog.Stats executionStats(@PathParam("actionId") String id) {
        actions.find(id);
        return log.stats(id);
    }

    /** The execution log of an interaction, newest first. */
    @GET
    @Path("/executions")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public List<ExecutionLog.Entry> interactionExecutions(@QueryParam("interactionId") String interactionId,
                                                          @QueryParam("limit") @DefaultValue("50") int limit) {
        if (interactionId == null || interactionId.isBlank()) {
            throw InvalidInput.field("interactionId", "interactionId is required");
        }
        return log.forInteraction(interactionId, Math.max(1, Math.min(limit, 500)));
    }

    private static ObjectNode inputOf(ObjectNode input) {
        return input == null ? dev.rapport.contract.EventJson.mapper().createObjectNode() : input;
    }

    private static TestExecutionResult result(Execution execution) {
        // the last step's result: the output with credential values blanked out, should an endpoint echo one
        JsonNode finalResult = execution.succeeded() ? execution.steps().get(execution.steps().size() - 1).result() : null;
        return new TestExecutionResult(execution.steps(), execution.error(), finalResult, execution.succeeded());
    }
}
