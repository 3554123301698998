package dev.rapport.script.sessions;

import dev.rapport.script.schedules.ScheduleState;
import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.ActionResult;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.OnBehalfOf;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.script.engine.ActionOutcome;
import dev.rapport.script.engine.Builtins;
import dev.rapport.script.engine.InteractionAction;
import dev.rapport.script.engine.ScriptDriver;
import dev.rapport.script.engine.ScriptEngine;
import dev.rapport.script.engine.ScriptEngineException;
import dev.rapport.script.engine.SessionModel;
import dev.rapport.script.expressions.ExpressionException;
import dev.rapport.script.expressions.Template;
import dev.rapport.script.flows.FlowDefinition;
import dev.rapport.script.flows.FlowRunner;
import dev.rapport.script.flows.LiveFlows;
import dev.rapport.script.scripts.PublishedScripts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Applies one input to one session: the interaction's events (a start runs its inbound flow, whose lookups are read
 * here; an answer of the telephony side resumes what waited for it), the agent's commands (through the
 * {@link ScriptDriver}, which enforces what the page offers; End and wrap-up), data action results, timeouts and
 * delays, changes of looked-up rows. It changes the {@link Session} in memory and records what to write in
 * {@link SessionWrites}; it does no I/O of its own besides reading rows through {@link RowLookups}.
 */
final class SessionDriver {
    private static final int RUNS_KEPT = 10;

    private final LiveFlows flows;
    private final PublishedScripts scripts;
    private final RowLookups rows;
    private final ScriptEngine engine;
    private final ScriptDriver driver;
    private final Duration actionTimeout;
    private final InteractionCommands commands;
    private final Wrapups wrapups;
    private final FlowSteps flowSteps;

    SessionDriver(LiveFlows flows, PublishedScripts scripts, RowLookups rows, Duration actionTimeout,
                  Duration commandTimeout, Duration asapCallbackDelay) {
        this.flows = flows;
        this.scripts = scripts;
        this.rows = rows;
        this.engine = new ScriptEngine();
        this.driver = new ScriptDriver(engine);
        this.actionTimeout = actionTimeout;
        this.commands = new InteractionCommands(commandTimeout);
        this.wrapups = new Wrapups(scripts, commands);
        this.flowSteps = new FlowSteps(flows, commands, asapCallbackDelay);
    }

    /** @param wrapupCodes the names of the wrap-up codes the batch's wrap-up commands name that exist, by id */
    void apply(Session s, SessionInput input, PendingRequests pending, Map<String, String> wrapupCodes,
               SessionWrites out) {
        if (input instanceof SessionInput.Event e) {
            onEvent(s, e.event(), e.time(), pending, out);
        } else if (input instanceof SessionInput.Command c) {
            onCommand(s, c.command(), wrapupCodes, out);
        } else if (input instanceof SessionInput.Result r) {
            PendingRequest request = pending.take(r.result().requestId(), s.id);
            if (request != null) {
                onResult(s, request, r.result(), out);
            }
        } else if (input instanceof SessionInput.Timeout t) {
            PendingRequest request = pending.take(t.requestId(), s.id);
            if (request != null && !request.deadline().isAfter(Instant.now())) {
                onDeadline(s, request, out);
            } else if (request != null) {
                pending.putBack(request);
            }
        } else if (input instanceof SessionInput.RowChanged c) {
            onRowChanged(s, c, out);
        }
    }

    /** The rows a start's flow looks up before anything else is known: read ahead, outside the transaction. */
    List<RowLookups.Key> firstLookups(InteractionEvent event) {
        if (event.type() != InteractionEvent.Kind.STARTED || event.screenPop() != null) {
            return List.of();
        }
        Session probe = new Session(event.interactionId(), false);
        applyToInteraction(probe, event, Instant.now());
        List<RowLookups.Key> keys = new ArrayList<>();
        flows.match(probe.dnis, probe.queueId).ifPresent(flow -> new FlowRunner(flow.definition(),
                name -> resolve(probe, name), new FlowRunner.Effects() {
                    @Override
                    public void lookup(List<String> path, String tableId, String key) {
                        keys.add(new RowLookups.Key(tableId, key));
                    }

                    @Override
                    public void screenPop(String scriptId, Map<String, String> templates, Map<String, String> inputs) {
                    }

                    @Override
                    public void setAttributes(Map<String, String> attributes) {
                        probe.attributes.putAll(attributes);
                    }

                    @Override
                    public void setVariable(String name, Object value) {
                        probe.flowVariables.put(name, value);
                    }

                    @Override
                    public void transfer(String queueId, String queueName, boolean wrapupRequired) {
                    }
                }).start());
        return keys;
    }

    // --- interaction events -------------------------------------------------------------------------------------

    private void onEvent(Session s, InteractionEvent event, Instant at, PendingRequests pending, SessionWrites out) {
        String connectedBefore = "connected".equals(s.state) ? s.agentId : null;
        applyToInteraction(s, event, at);
        s.changed = true;
        out.timeline(s.id, "interaction." + event.type().wireName(), describe(event), event);
        if (event.type() == InteractionEvent.Kind.STARTED && event.screenPop() != null && s.scriptId == null) {
            // The IVR named the script itself: honour it, and let no flow pop another one.
            out.timeline(s.id, "ivr.screenPop", "The IVR asked for script " + event.screenPop().scriptId(),
                    event.screenPop());
            try {
                openScript(s, event.screenPop().scriptId(),
                        event.screenPop().inputs() == null ? Map.of() : event.screenPop().inputs(), out);
            } catch (RuntimeException ex) {
                out.timeline(s.id, "ivr.screenPop.refused", ex.getMessage(), null);
            }
        } else if (event.type() == InteractionEvent.Kind.STARTED && s.flowId == null) {
            flows.match(s.dnis, s.queueId).ifPresentOrElse(flow -> {
                s.flowId = flow.flowId();
                s.flowVersion = flow.version();
                out.timeline(s.id, "flow.started", "Inbound flow " + flow.definition().name() + " v" + flow.version(),
                        null);
                runFlow(s, flow.definition(), null, null, out);
            }, () -> out.timeline(s.id, "flow.none", "No inbound flow matches DNIS " + s.dnis, null));
        }
        if (event.type() == InteractionEvent.Kind.ENDED) {
            out.unwatched.add(s.id);
        }
        FlowWait failed = flowSteps.onEvent(s, event, out);
        if (failed != null && s.flowId != null) {
            runFlow(s, flows.version(s.flowId, s.flowVersion), failed.path(), "failure", out);
        }
        wrapups.afterEvent(s, connectedBefore, out);
        InteractionCommands.Outcome answered = commands.answer(s, event, pending, out);
        if (answered != null) {
            resume(s, answered.runId(), answered.outcome(), out);
        }
    }

    private static void applyToInteraction(Session s, InteractionEvent event, Instant at) {
        switch (event.type()) {
            case STARTED -> {
                s.ani = event.ani();
                s.dnis = event.dnis();
                s.startedAt = event.occurredAt() == null ? at : event.occurredAt();
                mergeAttributes(s, event.attributes());
            }
            case ATTRIBUTES_SET -> mergeAttributes(s, event.attributes());
            case QUEUED, TRANSFERRED -> {
                // A transfer names a queue, an agent (alerted now) or an outside number: it leaves the agent.
                s.state = event.queue() != null ? "queued" : "alerting";
                if (event.queue() != null) {
                    s.queueId = event.queue().id();
                    s.queueName = event.queue().name();
                }
                s.agentId = null;
                s.agentName = null;
                s.agentEmail = null;
            }
            case CONNECTED -> {
                s.state = "connected";
                s.agentId = event.agent().id();
                s.agentName = event.agent().name();
                s.agentEmail = event.agent().email();
            }
            case ENDED -> s.state = "ended";
            case CALLBACK_SCHEDULED, COMMAND_FAILED -> {
                // answers to commands: they change nothing of the interaction itself
            }
            case ALERTING -> {
                // built-in routing offers it to an agent, who may answer
                s.state = "alerting";
                s.agentId = event.agent().id();
                s.agentName = event.agent().name();
                s.agentEmail = event.agent().email();
            }
        }
    }

    private static void mergeAttributes(Session s, Map<String, String> attributes) {
        if (attributes != null) {
            s.attributes.putAll(attributes);
        }
    }

    // --- the inbound flow ---------------------------------------------------------------------------------------

    /**
     * Runs the flow from its start, or from the step at {@code resumeAt} (a lookup, a data action call, a transfer to
     * ACD) with its block {@code block}. A lookup is read at once (cache, or datatable-service) and the flow goes on
     * down the branch it chose, until it ends or waits (a data action, routing: {@link FlowSteps}).
     */
    private void runFlow(Session s, FlowDefinition flow, List<String> resumeAt, String block, SessionWrites out) {
        List<List<String>> asked = new ArrayList<>();
        FlowRunner runner = flowRunner(s, flow, asked, out);
        boolean finished = resumeAt == null ? runner.start() : runner.resume(resumeAt, block);
        while (!finished && !asked.isEmpty()) {
            List<String> path = asked.remove(asked.size() - 1);
            FlowDefinition.DataTableLookup lookup = runner.lookupAt(path);
            String key = render(s, lookup.key());
            RowLookups.Result result = rows.lookup(lookup.tableId(), key);
            FlowRunner.Branch chosen;
            if (result instanceof RowLookups.Result.Found found) {
                lookup.outputs().forEach((variable, column) -> s.flowVariables.put(variable, found.row().get(column)));
                out.watches.add(new SessionWrites.Watch(lookup.tableId(), key, s.id, path));
                chosen = FlowRunner.Branch.FOUND;
            } else if (result instanceof RowLookups.Result.Failed failed) {
                out.timeline(s.id, "flow.lookup.failed", "Lookup of " + key + " in table " + lookup.tableId()
                        + " could not be done: " + failed.reason(), null);
                chosen = FlowRunner.Branch.FAILURE;
            } else {
                chosen = FlowRunner.Branch.NOT_FOUND;
            }
            out.timeline(s.id, "flow.lookup." + chosen.name().toLowerCase(Locale.ROOT), "Lookup " + chosen, null);
            finished = runner.resume(path, chosen);
        }
    }

    private FlowRunner flowRunner(Session s, FlowDefinition flow, List<List<String>> asked, SessionWrites out) {
        return new FlowRunner(flow, name -> resolve(s, name), new FlowRunner.Effects() {
            @Override
            public void lookup(List<String> path, String tableId, String key) {
                asked.add(path);
            }

            @Override
            public void screenPop(String scriptId, Map<String, String> templates, Map<String, String> inputs) {
                s.screenPop = new LinkedHashMap<>(templates);
                try {
                    openScript(s, scriptId, inputs, out);
                } catch (RuntimeException e) {
                    out.timeline(s.id, "flow.screenPop.refused", e.getMessage(), null);
                }
            }

            @Override
            public void setAttributes(Map<String, String> attributes) {
                s.attributes.putAll(attributes);
            }

            @Override
            public void transfer(String queueId, String queueName, boolean wrapupRequired) {
                s.queueId = queueId;
                s.queueName = queueName;
                s.queueWrapupRequired = wrapupRequired;
                if (!"connected".equals(s.state) && !s.ended()) {
                    s.state = "queued";
                }
            }

            // --- flow logic (FlowSteps) ---

            @Override
            public void record(String kind, String summary) {
                out.timeline(s.id, kind, summary, null);
            }

            @Override
            public void setVariable(String name, Object value) {
                s.flowVariables.put(name, value);
            }

            @Override
            public void callDataAction(List<String> path, String actionId, Map<String, Object> inputs,
                                       int timeoutSeconds) {
                flowSteps.callDataAction(s, path, actionId, inputs, timeoutSeconds, out);
            }

            @Override
            public void disconnect() {
                flowSteps.disconnect(s, out);
            }

            @Override
            public void transferToNumber(String number) {
                flowSteps.transferToNumber(s, number, out);
            }

            @Override
            public void requestCallback(String number, String queueId, String queueName) {
                flowSteps.requestCallback(s, number, queueId, out);
            }

            @Override
            public void transferToAcd(List<String> path, String queueId, String queueName, int priority,
                                      List<String> skills, String languageId) {
                flowSteps.transferToAcd(s, path, queueId, queueName, priority, skills, languageId);
            }

            @Override
            public ScheduleState schedule(String scheduleGroupId) {
                return flowSteps.schedule(s, scheduleGroupId, out);
            }
        });
    }

    private void openScript(Session s, String scriptId, Map<String, String> inputs, SessionWrites out) {
        PublishedScripts.Current current = scripts.current(scriptId);
        SessionModel model = engine.open(scripts.get(current.id(), current.version()), inputs,
                new Builtins(s.builtins()));
        s.scriptId = current.id();
        s.scriptName = current.name();
        s.scriptVersion = current.version();
        s.model = model;
        s.snapshot = null;
        out.timeline(s.id, "script.opened", "Screen pop " + current.name() + " v" + current.version(), inputs);
        carryOut(s, driver.load(model), out);
    }

    /** {@code Call.Ani}, {@code Call.Dnis}, {@code Call.InteractionId}, {@code Call.Attributes.<name>}, {@code Flow.<variable>}. */
    private static Object resolve(Session s, String name) {
        if (name.startsWith("Flow.")) {
            return s.flowVariables.get(name.substring(5));
        }
        return switch (name) {
            case "Call.Ani" -> s.ani;
            case "Call.Dnis" -> s.dnis;
            case "Call.InteractionId" -> s.id;
            default -> name.startsWith("Call.Attributes.")
                    ? s.attributes.get(name.substring("Call.Attributes.".length())) : null;
        };
    }

    private static String render(Session s, String template) {
        return Template.parse(template).render(name -> resolve(s, name));
    }

    // --- the agent's commands -----------------------------------------------------------------------------------

    private void onCommand(Session s, AgentCommand command, Map<String, String> wrapupCodes, SessionWrites out) {
        if (command.type() == AgentCommand.Kind.DISCONNECT) {
            disconnect(s, command, out);
            return;
        }
        if (command.type() == AgentCommand.Kind.ANSWER) {
            // routing connects the agent (QueueEntries, in this batch) if the offer is still theirs
            out.timeline(s.id, "command.answer", describe(s, command), null);
            if (!"alerting".equals(s.state) || command.agentId() == null || !command.agentId().equals(s.agentId)) {
                out.timeline(s.id, "command.refused", "The interaction is not offered to " + command.agentId(), null);
                s.alert("Not done: the interaction is not offered to you", "error");
                s.changed = true;
            }
            return;
        }
        if (command.type() == AgentCommand.Kind.WRAP_UP) {
            out.timeline(s.id, "command.wrapUp", describe(s, command), command);
            wrapups.wrapUp(s, command, wrapupCodes, out);
            s.changed = true;
            return;
        }
        if (!s.hasScript()) {
            out.timeline(s.id, "command.ignored", "A " + command.type().wireName() + " for an interaction without a"
                    + " script", null);
            return;
        }
        out.timeline(s.id, "command." + command.type().wireName(), describe(s, command), command);
        if (command.agentId() == null || !command.agentId().equals(s.agentId) || !"connected".equals(s.state)) {
            // The gateway checks this too; a command produced around it is refused here.
            out.timeline(s.id, "command.refused", "Agent " + command.agentId() + " is not connected to the interaction",
                    null);
            return;
        }
        SessionModel model = model(s);
        ScriptDriver.Command engineCommand = switch (command.type()) {
            case SET_VARIABLE -> new ScriptDriver.Command.SetVariable(command.variable(), command.value());
            case CLICK -> new ScriptDriver.Command.Click(command.component());
            case CHANGE_PAGE -> new ScriptDriver.Command.ChangePage(command.page());
            case DISCONNECT, WRAP_UP, ANSWER -> throw new IllegalStateException("handled above");
        };
        carryOut(s, driver.command(model, nonNull(engineCommand)), out);
        s.changed = true;
    }

    /** The agent's End: the telephony side is asked to disconnect; the interaction ends when it answers. */
    private void disconnect(Session s, AgentCommand command, SessionWrites out) {
        out.timeline(s.id, "command.disconnect", describe(s, command), null);
        s.changed = true;
        if (!s.connectedTo(command.agentId())) {
            out.timeline(s.id, "command.refused", "Agent " + command.agentId() + " is not connected to the interaction",
                    null);
            s.alert("Not done: the interaction is not connected to you", "error");
            return;
        }
        commands.send(s, UUID.randomUUID().toString(), new InteractionAction(InteractionCommand.Kind.DISCONNECT, null,
                null, null, null), null, command.agentId(), out);
    }

    private static ScriptDriver.Command nonNull(ScriptDriver.Command c) {
        if (c instanceof ScriptDriver.Command.SetVariable v && v.variable() == null
                || c instanceof ScriptDriver.Command.Click k && k.component() == null
                || c instanceof ScriptDriver.Command.ChangePage p && p.page() == null) {
            throw new IllegalArgumentException("the command names no variable, component or page");
        }
        return c;
    }

    // --- results ------------------------------------------------------------------------------------------------

    private void onResult(Session s, PendingRequest request, ActionResult result, SessionWrites out) {
        out.answered.add(request.requestId());
        out.timeline(s.id, "action.result", TimelineNames.result(s, request.runId(), result),
                Boolean.TRUE.equals(result.secure()) ? masked(result) : result);
        s.changed = true;
        if (request.kind() == PendingRequest.Kind.FLOW_LOOKUP) {
            // A lookup asked of action-service before lookups moved here: its result still continues the flow.
            FlowDefinition flow = flows.version(s.flowId, s.flowVersion);
            FlowRunner.Branch branch = branchOf(result);
            if (branch == FlowRunner.Branch.FOUND) {
                new FlowRunner(flow, n -> null, null).lookupAt(request.flowPath()).outputs()
                        .forEach((variable, column) -> s.flowVariables.put(variable,
                                result.outputs() == null ? null : result.outputs().get(column)));
            }
            runFlow(s, flow, request.flowPath(), switch (branch) {
                case FOUND -> "found";
                case NOT_FOUND -> "notFound";
                case FAILURE -> "failure";
            }, out);
            return;
        }
        if (request.kind() == PendingRequest.Kind.FLOW_ACTION) {
            FlowDefinition flow = flows.version(s.flowId, s.flowVersion);
            String block = flowSteps.result(s, request, result, flow, out);
            if (block != null) {
                runFlow(s, flow, request.flowPath(), block, out);
            }
            return;
        }
        ActionOutcome outcome = result.success() ? ActionOutcome.success(result.outputs())
                : ActionOutcome.failure(result.error() == null ? "failed" : result.error().message());
        resume(s, request.runId(), outcome, out);
    }

    /** What a request's deadline means: a data action or a command failed to answer, or a delay is over. */
    private void onDeadline(Session s, PendingRequest request, SessionWrites out) {
        switch (request.kind()) {
            case INTERACTION_COMMAND -> {
                InteractionCommands.Outcome timedOut = commands.timeout(s, request, out);
                s.changed = true;
                resume(s, timedOut.runId(), timedOut.outcome(), out);
            }
            case DELAY -> {
                out.answered.add(request.requestId());
                out.timeline(s.id, "run.delayed", "The delay is over", null);
                s.changed = true;
                resume(s, request.runId(), ActionOutcome.success(null), out);
            }
            case FLOW_ACTION -> {
                s.changed = true;
                String block = flowSteps.deadline(s, request, out);
                if (block != null) {
                    runFlow(s, flows.version(s.flowId, s.flowVersion), request.flowPath(), block, out);
                }
            }
            case SCRIPT_ACTION, FLOW_LOOKUP -> {
                out.timeline(s.id, "action.timeout", TimelineNames.timedOut(s, request.runId(), request.actionId()),
                        Map.of("actionId", request.actionId()));
                onResult(s, request, new ActionResult(request.requestId(), s.id, request.actionId(), false, Map.of(),
                        new ActionResult.Error("The data action did not answer in time", "timeout", 504), 0), out);
            }
        }
    }

    /** Continues the run that waited (none: nothing to continue, e.g. the agent's End). */
    private void resume(Session s, String runId, ActionOutcome outcome, SessionWrites out) {
        if (runId == null || !s.hasScript()) {
            return;
        }
        List<ScriptDriver.Effect> effects = driver.resume(model(s), runId, outcome);
        for (ScriptDriver.Effect effect : effects) {
            if (effect instanceof ScriptDriver.Effect.Refused refused) {
                out.timeline(s.id, "run.lost", refused.reason(), null);
                return;
            }
        }
        carryOut(s, effects, out);
    }

    /** A secure data action's result as the timeline keeps it: which outputs came, not their values. */
    private static ActionResult masked(ActionResult result) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (result.outputs() != null) {
            result.outputs().keySet().forEach(k -> outputs.put(k, "********"));
        }
        return new ActionResult(result.requestId(), result.interactionId(), result.actionId(), result.success(),
                outputs, result.error(), result.durationMs(), true, result.actionName());
    }

    private static FlowRunner.Branch branchOf(ActionResult result) {
        Object found = result.outputs() == null ? null : result.outputs().get("found");
        if (result.success()) {
            return Boolean.FALSE.equals(found) ? FlowRunner.Branch.NOT_FOUND : FlowRunner.Branch.FOUND;
        }
        return result.error() != null && "not.found".equals(result.error().code())
                ? FlowRunner.Branch.NOT_FOUND : FlowRunner.Branch.FAILURE;
    }

    // --- rows the flow looked up --------------------------------------------------------------------------------

    private void onRowChanged(Session s, SessionInput.RowChanged change, SessionWrites out) {
        if (s.ended() || s.flowId == null) {
            return;
        }
        FlowDefinition flow = flows.version(s.flowId, s.flowVersion);
        new FlowRunner(flow, n -> null, null).lookupAt(change.flowPath()).outputs().forEach((variable, column) ->
                s.flowVariables.put(variable, change.row() == null ? null : change.row().get(column)));
        if (s.hasScript() && s.screenPop != null) {
            SessionModel model = model(s);
            s.screenPop.forEach((input, template) -> {
                try {
                    engine.setVariable(model, input, render(s, template));
                } catch (ScriptEngineException | ExpressionException e) {
                    out.timeline(s.id, "row.refused", input + ": " + e.getMessage(), null);
                }
            });
        }
        out.timeline(s.id, "row.changed", "Row " + change.rowKey() + " of table " + change.tableId() + " changed",
                change.row());
        s.changed = true;
    }

    // --- effects of the script ----------------------------------------------------------------------------------

    /** Turns the script driver's effects into the session's alerts and runs, timeline entries and requests. */
    private void carryOut(Session s, List<ScriptDriver.Effect> effects, SessionWrites out) {
        for (ScriptDriver.Effect effect : effects) {
            if (effect instanceof ScriptDriver.Effect.Alert alert) {
                s.alert(alert.message(), alert.level());
            } else if (effect instanceof ScriptDriver.Effect.Refused refused) {
                out.timeline(s.id, "command.refused", refused.reason(), null);
                s.alert("Not done: " + refused.reason(), "error");
            } else if (effect instanceof ScriptDriver.Effect.VariableSet set) {
                out.timeline(s.id, "variables.changed", set.variable() + " set"
                        + (set.recalculated().isEmpty() ? "" : "; recalculated " + String.join(", ", set.recalculated())),
                        set.recalculated().isEmpty() ? Map.of("variable", set.variable()) : set);
            } else if (effect instanceof ScriptDriver.Effect.PageChanged page) {
                out.timeline(s.id, "page.changed", "Page " + TimelineNames.page(model(s), page.pageId()),
                        Map.of("pageId", page.pageId()));
            } else if (effect instanceof ScriptDriver.Effect.Run run) {
                out.timeline(s.id, "run." + timelineName(run.status()), TimelineNames.run(run), run.steps());
                recordRun(s, new SessionState.ActionRun(run.runId(), run.action(), run.component(),
                        statusName(run.status()), run.error(), Instant.now()));
            } else if (effect instanceof ScriptDriver.Effect.CallDataAction call) {
                request(s, call, out);
            } else if (effect instanceof ScriptDriver.Effect.AskInteraction ask) {
                commands.send(s, UUID.randomUUID().toString(), ask.action(), ask.runId(), s.agentId, out);
            } else if (effect instanceof ScriptDriver.Effect.Wait wait) {
                Instant now = Instant.now();
                out.requested.add(new PendingRequest(UUID.randomUUID().toString(), s.id, PendingRequest.Kind.DELAY,
                        wait.runId(), null, "delay", now.plusSeconds(wait.seconds()), now));
                out.timeline(s.id, "run.delay", "Waits " + wait.seconds() + " s", null);
            } else if (effect instanceof ScriptDriver.Effect.BannerShown shown) {
                out.timeline(s.id, "banner.shown", shown.banner() == null ? "Banner removed"
                        : shown.banner().level() + ": " + shown.banner().message(), null);
            }
        }
    }

    /** The timeline's names for a run's states (as they have been since the first release). */
    private static String timelineName(ScriptDriver.Status status) {
        return switch (status) {
            case RUNNING -> "suspended";
            case SUCCEEDED -> "completed";
            case FAILED -> "failed";
        };
    }

    private static String statusName(ScriptDriver.Status status) {
        return switch (status) {
            case RUNNING -> "running";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
        };
    }

    private void request(Session s, ScriptDriver.Effect.CallDataAction call, SessionWrites out) {
        Instant now = Instant.now();
        PendingRequest pending = new PendingRequest(UUID.randomUUID().toString(), s.id,
                PendingRequest.Kind.SCRIPT_ACTION, call.runId(), null, call.dataActionId(), now.plus(actionTimeout), now);
        out.requested.add(pending);
        int timeout = (int) Math.min(60, Math.max(1, actionTimeout.toSeconds() - 2));
        Map<String, Object> inputs = new LinkedHashMap<>(call.inputs());
        OnBehalfOf agent = s.agentOf(call.runId());
        out.event(Topics.ACTION_REQUESTS, s.id, EventTypes.ACTION_REQUESTED,
                new ActionRequest(pending.requestId(), s.id, call.dataActionId(), null, inputs, timeout, agent));
        // The values are the session's variables (shown where they belong); the timeline keeps only their names, so
        // what a secure data action is given never lands in it.
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("actionId", call.dataActionId());
        detail.put("inputs", inputs.keySet());
        if (agent != null) {
            detail.put("onBehalfOf", agent);
        }
        out.timeline(s.id, "action.requested", TimelineNames.requested(s, call.runId(), agent), detail);
    }

    private static void recordRun(Session s, SessionState.ActionRun run) {
        SessionState.ActionRun started = s.runs.stream().filter(r -> r.runId().equals(run.runId())).findFirst()
                .orElse(null);
        s.runs.removeIf(r -> r.runId().equals(run.runId()));
        s.runs.add(started == null ? run : new SessionState.ActionRun(run.runId(), started.customAction(),
                started.component(), run.status(), run.error(), started.startedAt()));
        while (s.runs.size() > RUNS_KEPT) {
            s.runs.remove(0);
        }
    }

    /** The engine's model of the session, restored once per batch on its pinned version with today's built-ins. */
    SessionModel model(Session s) {
        if (s.model == null) {
            SessionModel.SessionSnapshot saved = s.snapshot;
            var snapshot = new SessionModel.SessionSnapshot(saved.scriptId(), saved.version(), saved.values(),
                    saved.currentPageId(), s.builtins(), saved.runs(), saved.banner());
            s.model = engine.restore(scripts.get(s.scriptId, s.scriptVersion), snapshot);
            s.snapshot = null;
        }
        return s.model;
    }

    // --- descriptions -------------------------------------------------------------------------------------------

    private static String describe(InteractionEvent e) {
        return switch (e.type()) {
            case STARTED -> "Call from " + e.ani() + " to " + e.dnis();
            case ATTRIBUTES_SET -> "Attributes " + e.attributes().keySet();
            case QUEUED, TRANSFERRED -> e.type().wireName() + " to " + (e.queue() != null ? "queue " + e.queue().id()
                    : e.agent() != null ? "agent " + e.agent().id() : e.address())
                    // routing's reason for waiting again (an agent did not answer) is part of the route
                    + (e.type() == InteractionEvent.Kind.QUEUED && e.reason() != null ? ": " + e.reason() : "");
            case CONNECTED -> "Connected to " + e.agent().id();
            case ENDED -> "Ended" + (e.reason() == null ? "" : ": " + e.reason());
            case CALLBACK_SCHEDULED -> "Callback scheduled for " + e.callback().scheduledAt() + " to "
                    + e.callback().number();
            case COMMAND_FAILED -> "Command " + e.commandId() + " failed: " + e.reason();
            case ALERTING -> "Offered to " + e.agent().id();
            case ROUTING_FAILED -> "Routing failed" + (e.reason() == null ? "" : ": " + e.reason());
        };
    }

    private String describe(Session s, AgentCommand c) {
        String agent = TimelineNames.agent(s, c.agentId());
        return switch (c.type()) {
            case SET_VARIABLE -> agent + " set " + c.variable();
            case CLICK -> agent + " clicked " + TimelineNames.component(model(s), c.component());
            case CHANGE_PAGE -> agent + " opened page " + TimelineNames.page(model(s), c.page());
            case DISCONNECT -> agent + " ended the interaction";
            case WRAP_UP -> agent + " wrapped up with code " + c.code();
            case ANSWER -> agent + " answered";
        };
    }
}
