package dev.rapport.script.sessions;

import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.ActionResult;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.script.engine.ActionOutcome;
import dev.rapport.script.engine.Builtins;
import dev.rapport.script.engine.RunResult;
import dev.rapport.script.engine.ScriptEngine;
import dev.rapport.script.engine.Navigation;
import dev.rapport.script.engine.ScriptEngineException;
import dev.rapport.script.engine.SessionModel;
import dev.rapport.script.expressions.Template;
import dev.rapport.script.flows.FlowRunner;
import dev.rapport.script.flows.FlowService;
import dev.rapport.script.interactions.Interaction;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs an interaction's session: its inbound flow when it starts, the agent's commands, the results of the data
 * actions it asked for, and their timeouts. Each input is handled in the caller's transaction, which also records
 * the input as handled and writes the new session state to the outbox, so an input takes effect exactly once.
 */
@ApplicationScoped
public class SessionService {
    private final FlowService flows;
    private final PublishedScripts scripts;
    private final SessionStore store;
    private final SessionPublisher publisher;
    private final Timeline timeline;
    private final Outbox outbox;
    private final ScriptEngine engine = new ScriptEngine();
    private final Duration actionTimeout;

    SessionService(FlowService flows, PublishedScripts scripts, SessionStore store, SessionPublisher publisher,
                   Timeline timeline, Outbox outbox,
                   @ConfigProperty(name = "rapport.sessions.action-timeout", defaultValue = "20s") Duration actionTimeout) {
        this.flows = flows;
        this.scripts = scripts;
        this.store = store;
        this.publisher = publisher;
        this.timeline = timeline;
        this.outbox = outbox;
        this.actionTimeout = actionTimeout;
    }

    /** After an interaction event was applied: a start runs the inbound flow; then the new state is published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterInteractionEvent(Interaction interaction, InteractionEvent event) {
        AgentSession session = store.findOrCreate(interaction.id);
        timeline.add(interaction.id, "interaction." + event.type().wireName(), describe(event), event);
        if (event.type() == InteractionEvent.Kind.STARTED && event.screenPop() != null && session.scriptId == null) {
            // The IVR named the script itself: honour it, and let no flow pop another one.
            timeline.add(interaction.id, "ivr.screenPop", "The IVR asked for script " + event.screenPop().scriptId(),
                    event.screenPop());
            try {
                openScript(interaction, session, event.screenPop().scriptId(),
                        event.screenPop().inputs() == null ? Map.of() : event.screenPop().inputs());
            } catch (RuntimeException e) {
                timeline.add(interaction.id, "ivr.screenPop.refused", e.getMessage(), null);
            }
        } else if (event.type() == InteractionEvent.Kind.STARTED && session.flowId == null) {
            flows.match(interaction.dnis, interaction.queueId).ifPresentOrElse(flow -> {
                session.flowId = flow.flowId();
                session.flowVersion = flow.version();
                timeline.add(interaction.id, "flow.started", "Inbound flow " + flow.definition().name()
                        + " v" + flow.version(), null);
                runner(interaction, session).start();
            }, () -> timeline.add(interaction.id, "flow.none", "No inbound flow matches DNIS " + interaction.dnis, null));
        }
        if (event.type() == InteractionEvent.Kind.ENDED) {
            store.unwatch(interaction.id);
        }
        publisher.publish(interaction, session);
    }

    /** An agent's command. Refusals (unknown component, hidden button) are recorded and shown, never thrown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCommand(AgentCommand command) {
        Interaction interaction = store.lockInteraction(command.interactionId());
        AgentSession session = interaction == null ? null : store.lock(command.interactionId());
        if (session == null || session.snapshot == null) {
            Log.infof("Command %s for interaction %s without a script; ignored", command.type(), command.interactionId());
            return;
        }
        SessionModel model = store.model(session, builtinsOf(interaction));
        timeline.add(interaction.id, "command." + command.type().wireName(), describe(command), command);
        try {
            switch (command.type()) {
                case SET_VARIABLE -> {
                    var recalculated = engine.setVariable(model, command.variable(), command.value());
                    timeline.add(interaction.id, "variables.changed", "Recalculated " + recalculated.variables(),
                            recalculated);
                }
                case CLICK -> {
                    String componentId = store.componentId(model, command.component());
                    handleRun(interaction, session, model, engine.click(model, componentId), componentId);
                }
                case CHANGE_PAGE -> Navigation.changePage(model, store.pageId(model, command.page()));
            }
        } catch (ScriptEngineException | IllegalArgumentException e) {
            timeline.add(interaction.id, "command.refused", e.getMessage(), null);
            store.addAlert(session, "Not done: " + e.getMessage(), "error");
        }
        store.save(session, model);
        publisher.publish(interaction, session);
    }

    /** A data action's result: continues the flow or the custom action that waited for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onResult(ActionResult result) {
        Interaction interaction = store.lockInteraction(result.interactionId());
        PendingRequest pending = PendingRequest.findById(result.requestId());
        if (interaction == null || pending == null) {
            Log.debugf("Result %s arrived after its request ended (timeout or duplicate)", result.requestId());
            return;
        }
        pending.delete();
        AgentSession session = store.lock(pending.interactionId);
        timeline.add(interaction.id, "action.result", (result.success() ? "Succeeded: " : "Failed: ")
                + pending.actionId + " in " + result.durationMs() + " ms", result);
        continueAfter(interaction, session, pending, result);
        publisher.publish(interaction, session);
    }

    /** A request whose result did not come in time ends as a failure. */
    @Transactional
    public void expire(String requestId, String interactionId) {
        Interaction interaction = store.lockInteraction(interactionId);
        PendingRequest pending = PendingRequest.findById(requestId);
        if (interaction == null || pending == null || pending.deadline.isAfter(Instant.now())) {
            return;
        }
        pending.delete();
        AgentSession session = store.lock(pending.interactionId);
        timeline.add(interaction.id, "action.timeout", "No result from " + pending.actionId + " in time", null);
        continueAfter(interaction, session, pending, new ActionResult(requestId, interaction.id, pending.actionId,
                false, Map.of(), new ActionResult.Error("The data action did not answer in time", "timeout", 504), 0));
        publisher.publish(interaction, session);
    }

    /** A data table row an open session shows has changed: its screen-pop inputs are set again from the row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRowChanged(String tableId, String rowKey, Map<String, Object> row) {
        for (SessionStore.RowWatch watch : store.watchers(tableId, rowKey)) {
            Interaction interaction = store.lockInteraction(watch.interactionId());
            if (interaction == null || "ended".equals(interaction.state)) {
                continue;
            }
            AgentSession session = store.lock(watch.interactionId());
            var lookup = runner(interaction, session).lookupAt(watch.flowPath());
            Map<String, Object> variables = store.flowVariables(session);
            lookup.outputs().forEach((variable, column) -> variables.put(variable, row == null ? null : row.get(column)));
            store.setFlowVariables(session, variables);
            if (session.snapshot != null) {
                SessionModel model = store.model(session, builtinsOf(interaction));
                store.screenPopInputs(session, name -> resolve(interaction, session, name))
                        .forEach((input, value) -> engine.setVariable(model, input, value));
                store.save(session, model);
            }
            timeline.add(interaction.id, "row.changed", "Row " + rowKey + " of table " + tableId + " changed", row);
            publisher.publish(interaction, session);
        }
    }

    private void continueAfter(Interaction interaction, AgentSession session, PendingRequest pending,
                               ActionResult result) {
        if (PendingRequest.FLOW_LOOKUP.equals(pending.kind)) {
            List<String> path = store.readPath(pending.flowPath);
            FlowRunner runner = runner(interaction, session);
            FlowRunner.Branch branch = branchOf(result);
            if (branch == FlowRunner.Branch.FOUND) {
                Map<String, Object> variables = store.flowVariables(session);
                runner.lookupAt(path).outputs().forEach((variable, column) ->
                        variables.put(variable, result.outputs() == null ? null : result.outputs().get(column)));
                store.setFlowVariables(session, variables);
                var lookup = runner.lookupAt(path);
                String key = Template.parse(lookup.key()).render(name -> resolve(interaction, session, name));
                store.watch(lookup.tableId(), key, interaction.id, path);
            }
            timeline.add(interaction.id, "flow.lookup." + branch.name().toLowerCase(), "Lookup " + branch, null);
            runner.resume(path, branch);
            return;
        }
        SessionModel model = store.model(session, builtinsOf(interaction));
        ActionOutcome outcome = result.success() ? ActionOutcome.success(result.outputs())
                : ActionOutcome.failure(result.error() == null ? "failed" : result.error().message());
        try {
            handleRun(interaction, session, model, engine.resume(model, pending.runId, outcome), null);
        } catch (ScriptEngineException e) {
            timeline.add(interaction.id, "run.lost", e.getMessage(), null);
        }
        store.save(session, model);
    }

    private void handleRun(Interaction interaction, AgentSession session, SessionModel model, RunResult run,
                           String componentId) {
        timeline.add(interaction.id, "run." + run.status().name().toLowerCase(),
                run.action() + ": " + run.steps().size() + " steps", run.steps());
        for (RunResult.Effect effect : run.effects()) {
            if (effect instanceof RunResult.Effect.Alert alert) {
                store.addAlert(session, alert.message(), "info");
            } else if (effect instanceof RunResult.Effect.OpenUrl open) {
                store.addAlert(session, "Open " + open.url(), "info");
            }
        }
        String status = switch (run.status()) {
            case COMPLETED -> "succeeded";
            case SUSPENDED -> "running";
            case FAILED -> "failed";
        };
        store.recordRun(session, new SessionState.ActionRun(run.runId(), run.action(), componentId, status,
                run.error(), Instant.now()));
        if (run.status() == RunResult.Status.SUSPENDED && run.pending() != null) {
            Map<String, Object> inputs = new LinkedHashMap<>(run.pending().inputs());
            request(interaction, PendingRequest.SCRIPT_ACTION, run.pending().dataActionId(), inputs, run.runId(), null);
        }
    }

    private FlowRunner runner(Interaction interaction, AgentSession session) {
        var flow = flows.published(session.flowId, session.flowVersion);
        return new FlowRunner(flow, name -> resolve(interaction, session, name), new FlowRunner.Effects() {
            @Override
            public void lookup(List<String> path, String tableId, String key) {
                request(interaction, PendingRequest.FLOW_LOOKUP, ActionRequest.DATATABLE_LOOKUP,
                        Map.of("tableId", tableId, "key", key), null, path);
            }

            @Override
            public void screenPop(String scriptId, Map<String, String> templates, Map<String, String> inputs) {
                store.setScreenPop(session, templates);
                openScript(interaction, session, scriptId, inputs);
            }

            @Override
            public void setAttributes(Map<String, String> attributes) {
                var merged = new LinkedHashMap<>(interaction.attributes);
                merged.putAll(attributes);
                interaction.attributes = merged;
            }

            @Override
            public void transfer(String queueId, String queueName) {
                interaction.queueId = queueId;
                interaction.queueName = queueName;
                if (!"connected".equals(interaction.state) && !"ended".equals(interaction.state)) {
                    interaction.state = "queued";
                }
            }
        });
    }

    private void openScript(Interaction interaction, AgentSession session, String scriptId, Map<String, String> inputs) {
        PublishedScripts.Current current = scripts.current(scriptId);
        var compiled = scripts.get(current.id(), current.version());
        SessionModel model = engine.open(compiled, inputs, new Builtins(builtinsOf(interaction)));
        session.scriptId = current.id();
        session.scriptName = current.name();
        session.scriptVersion = current.version();
        timeline.add(interaction.id, "script.opened", "Screen pop " + current.name() + " v" + current.version(), inputs);
        engine.load(model).forEach(run -> handleRun(interaction, session, model, run, null));
        store.save(session, model);
    }

    private void request(Interaction interaction, String kind, String actionId, Map<String, Object> inputs,
                         String runId, List<String> flowPath) {
        String requestId = UUID.randomUUID().toString();
        PendingRequest pending = new PendingRequest();
        pending.requestId = requestId;
        pending.interactionId = interaction.id;
        pending.kind = kind;
        pending.runId = runId;
        pending.flowPath = flowPath == null ? null : store.writePath(flowPath);
        pending.actionId = actionId;
        pending.createdAt = Instant.now();
        pending.deadline = pending.createdAt.plus(actionTimeout);
        pending.persist();
        int timeout = (int) Math.min(60, Math.max(1, actionTimeout.toSeconds() - 2));
        outbox.publish(Topics.ACTION_REQUESTS, interaction.id, EventTypes.ACTION_REQUESTED,
                new ActionRequest(requestId, interaction.id, actionId, null, inputs, timeout));
        timeline.add(interaction.id, "action.requested", actionId + " asked", inputs);
    }

    private static FlowRunner.Branch branchOf(ActionResult result) {
        Object found = result.outputs() == null ? null : result.outputs().get("found");
        if (result.success()) {
            return Boolean.FALSE.equals(found) ? FlowRunner.Branch.NOT_FOUND : FlowRunner.Branch.FOUND;
        }
        return result.error() != null && "not.found".equals(result.error().code())
                ? FlowRunner.Branch.NOT_FOUND : FlowRunner.Branch.FAILURE;
    }

    /** {@code Call.Ani}, {@code Call.Dnis}, {@code Call.Attributes.<name>}, {@code Flow.<variable>}. */
    private Object resolve(Interaction interaction, AgentSession session, String name) {
        if (name.startsWith("Flow.")) {
            return store.flowVariables(session).get(name.substring(5));
        }
        return switch (name) {
            case "Call.Ani" -> interaction.ani;
            case "Call.Dnis" -> interaction.dnis;
            case "Call.InteractionId" -> interaction.id;
            default -> name.startsWith("Call.Attributes.")
                    ? interaction.attributes.get(name.substring("Call.Attributes.".length())) : null;
        };
    }

    static Map<String, String> builtinsOf(Interaction interaction) {
        Map<String, String> b = new LinkedHashMap<>();
        put(b, "Agent Name", interaction.agentName);
        put(b, "Agent Id", interaction.agentId);
        put(b, "Agent Email", interaction.agentEmail);
        put(b, "Customer Formatted Number", interaction.ani);
        put(b, "Interaction ID", interaction.id);
        put(b, "Interaction State", interaction.state);
        put(b, "Interaction Type", "call");
        put(b, "Queue Name", interaction.queueName);
        put(b, "Queue ID", interaction.queueId);
        put(b, "Customer Call Start Time", interaction.startedAt == null ? null : interaction.startedAt.toString());
        return b;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String describe(InteractionEvent e) {
        return switch (e.type()) {
            case STARTED -> "Call from " + e.ani() + " to " + e.dnis();
            case ATTRIBUTES_SET -> "Attributes " + e.attributes().keySet();
            case QUEUED, TRANSFERRED -> e.type().wireName() + " to " + e.queue().id();
            case CONNECTED -> "Connected to " + e.agent().id();
            case ENDED -> "Ended" + (e.reason() == null ? "" : ": " + e.reason());
        };
    }

    private static String describe(AgentCommand c) {
        return switch (c.type()) {
            case SET_VARIABLE -> c.agentId() + " set " + c.variable();
            case CLICK -> c.agentId() + " clicked " + c.component();
            case CHANGE_PAGE -> c.agentId() + " opened page " + c.page();
        };
    }

    Optional<AgentSession> find(String interactionId) {
        return Optional.ofNullable(AgentSession.findById(interactionId));
    }
}
