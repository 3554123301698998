package dev.rapport.script.designer;

import dev.rapport.platform.web.ApiException;
import dev.rapport.script.engine.ActionOutcome;
import dev.rapport.script.engine.Builtins;
import dev.rapport.script.engine.CompiledScript;
import dev.rapport.script.engine.Navigation;
import dev.rapport.script.engine.RenderedPage;
import dev.rapport.script.engine.RunResult;
import dev.rapport.script.engine.ScriptEngine;
import dev.rapport.script.engine.ScriptEngineException;
import dev.rapport.script.engine.SessionModel;
import dev.rapport.script.interactions.RecentInteractions;
import dev.rapport.script.model.Variable;
import dev.rapport.script.scripts.ScriptService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Preview sessions: a script (draft or version) run as an agent would, with no interaction behind it. Nothing is
 * stored: the caller holds the session's state and sends it back with each command, so no agent, participant data,
 * flow or outbox is touched. Buttons run their custom actions for real; an Execute Data Action step is executed at
 * once through action-service with the previewing admin's token, and the run continues with its result.
 */
@ApplicationScoped
public class PreviewSessions {
    /** Data actions one command may execute (a loop of actions stops here instead of running on). */
    static final int MAX_CALLS_PER_COMMAND = 10;

    private final ScriptService scripts;
    private final DataActionCalls dataActions;
    private final RecentInteractions interactions;
    private final ScriptEngine engine = new ScriptEngine();

    PreviewSessions(ScriptService scripts, DataActionCalls dataActions, RecentInteractions interactions) {
        this.scripts = scripts;
        this.dataActions = dataActions;
        this.interactions = interactions;
    }

    public record Start(Integer version, Map<String, Object> inputs, String interactionId, Map<String, String> builtins) {
    }

    public record Command(String type, String component, String variable, Object value, String page) {
    }

    public record CommandRequest(Integer version, SessionModel.SessionSnapshot state, Command command) {
    }

    public record Run(String runId, String action, String component, String status, String error,
                      List<RunResult.StepRecord> steps, List<DataActionCalls.Call> dataActions) {
    }

    public record PageRef(String id, String name) {
    }

    /** What the preview shows; {@code state} goes back with the next command. */
    public record State(String scriptId, String version, SessionModel.SessionSnapshot state, String currentPageId,
                        RenderedPage page, List<PageRef> pages, Map<String, Object> values, Map<String, String> errors,
                        Map<String, Object> inputs, List<String> alerts, List<Run> runs) {
    }

    public State start(String scriptId, Start request, String authorization, String previewer) {
        Start start = request == null ? new Start(null, null, null, null) : request;
        CompiledScript script = compile(scriptId, start.version());
        Map<String, Object> inputs = new LinkedHashMap<>();
        if (start.interactionId() != null && !start.interactionId().isBlank()) {
            RecentInteractions.Summary interaction = interactions.one(start.interactionId());
            if (interaction == null) {
                throw ApiException.notFound("Interaction " + start.interactionId() + " not found");
            }
            // an interaction of another script (or version) may carry inputs this one lacks: take only ours
            interaction.inputs().forEach((name, value) -> {
                Variable v = script.variables().get(name);
                if (v != null && v.input()) {
                    inputs.put(name, value);
                }
            });
        }
        if (start.inputs() != null) {
            inputs.putAll(start.inputs());
        }
        Map<String, String> builtins = new LinkedHashMap<>();
        builtins.put("Agent Name", previewer == null ? "Preview" : previewer);
        builtins.put("Interaction ID", "preview");
        builtins.put("Interaction Type", "call");
        builtins.put("Interaction State", "connected");
        if (start.builtins() != null) {
            builtins.putAll(start.builtins());
        }
        try {
            SessionModel model = engine.open(script, inputs, new Builtins(builtins));
            List<String> alerts = new ArrayList<>();
            List<Run> runs = new ArrayList<>();
            for (RunResult run : engine.load(model)) {
                runs.add(complete(model, run, null, alerts, authorization));
            }
            return state(scriptId, start.version(), model, inputs, alerts, runs);
        } catch (ScriptEngineException | IllegalArgumentException e) {
            throw ApiException.invalidField("inputs", e.getMessage());
        }
    }

    public State command(String scriptId, CommandRequest request, String authorization) {
        if (request == null || request.state() == null || request.command() == null) {
            throw ApiException.invalidField("command", "state and command are required: start a preview first");
        }
        CompiledScript script = compile(scriptId, request.version());
        SessionModel.SessionSnapshot saved = request.state();
        if (saved.values() == null) {
            throw ApiException.invalidField("state", "state.values is required");
        }
        // No run waits between commands (each is completed at once), so none is taken from the caller.
        var snapshot = new SessionModel.SessionSnapshot(script.version().scriptId(), script.version().version(),
                saved.values(), saved.currentPageId(), saved.builtins() == null ? Map.of() : saved.builtins(), Map.of());
        Command command = request.command();
        List<String> alerts = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        try {
            SessionModel model = engine.restore(script, snapshot);
            if (script.version().definition().page(model.currentPageId()).isEmpty()) {
                throw ApiException.conflict("The page this preview showed is gone from the script: start the preview again");
            }
            switch (command.type() == null ? "" : command.type()) {
                case "click" -> {
                    requireField("command.component", command.component());
                    runs.add(complete(model, engine.click(model, command.component()), command.component(), alerts,
                            authorization));
                }
                case "setVariable" -> {
                    requireField("command.variable", command.variable());
                    engine.setVariable(model, command.variable(), command.value());
                }
                case "changePage" -> {
                    requireField("command.page", command.page());
                    Navigation.changePage(model, command.page());
                }
                default -> throw ApiException.invalidField("command.type",
                        "command.type must be click, setVariable or changePage");
            }
            return state(scriptId, request.version(), model, null, alerts, runs);
        } catch (ScriptEngineException | IllegalArgumentException e) {
            throw ApiException.invalidField("command", e.getMessage());
        }
    }

    /** Runs on through every data action the run asks for, each executed for real. */
    private Run complete(SessionModel model, RunResult first, String component, List<String> alerts, String authorization) {
        List<RunResult.StepRecord> steps = new ArrayList<>();
        List<DataActionCalls.Call> calls = new ArrayList<>();
        RunResult run = first;
        while (true) {
            steps.addAll(run.steps());
            for (RunResult.Effect effect : run.effects()) {
                if (effect instanceof RunResult.Effect.Alert alert) {
                    alerts.add(alert.message());
                } else if (effect instanceof RunResult.Effect.OpenUrl open) {
                    alerts.add("Open " + open.url());
                }
            }
            if (run.status() != RunResult.Status.SUSPENDED || run.pending() == null) {
                break;
            }
            if (calls.size() >= MAX_CALLS_PER_COMMAND) {
                return new Run(run.runId(), run.action(), component, "failed", "stopped after "
                        + MAX_CALLS_PER_COMMAND + " data actions in one preview command", steps, calls);
            }
            DataActionCalls.Call call = dataActions.execute(run.pending().dataActionId(), run.pending().inputs(),
                    authorization);
            calls.add(call);
            ActionOutcome outcome = call.success() ? ActionOutcome.success(call.outputs()) : ActionOutcome.failure(call.error());
            run = engine.resume(model, run.runId(), outcome);
        }
        String status = run.status() == RunResult.Status.COMPLETED ? "succeeded" : "failed";
        return new Run(run.runId(), run.action(), component, status, run.error(), steps, calls);
    }

    private State state(String scriptId, Integer version, SessionModel model, Map<String, Object> inputs,
                        List<String> alerts, List<Run> runs) {
        var definition = model.script().version().definition();
        List<PageRef> pages = definition.pages().stream().map(p -> new PageRef(p.id(), p.name())).toList();
        return new State(scriptId, version == null ? "draft" : version.toString(), model.snapshot(),
                model.currentPageId(), engine.render(model, model.currentPageId()), pages, model.values(),
                model.errors(), inputs, alerts, runs);
    }

    private CompiledScript compile(String scriptId, Integer version) {
        try {
            return new CompiledScript(scripts.versionOf(scriptId, version));
        } catch (ScriptEngineException | IllegalArgumentException e) {
            throw ApiException.conflict("The script cannot be previewed: " + e.getMessage());
        }
    }

    private static void requireField(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, field + " is required");
        }
    }
}
