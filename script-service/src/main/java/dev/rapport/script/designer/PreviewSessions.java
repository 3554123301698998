package dev.rapport.script.designer;

import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.script.engine.ActionOutcome;
import dev.rapport.script.engine.Builtins;
import dev.rapport.script.engine.CompiledScript;
import dev.rapport.script.engine.RenderedPage;
import dev.rapport.script.engine.RunResult;
import dev.rapport.script.engine.ScriptDriver;
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
 * once through action-service with the previewing admin's token, and the run continues with its result. What a step
 * would ask of the interaction (transfer, callback, disconnect) is only said ("Would send: ..."), and the run goes on
 * as if the telephony side had done it; a Delay goes on at once ("Would wait 5 s").
 */
@ApplicationScoped
public class PreviewSessions {
    /** Data actions, interaction actions and delays one command may go through (a loop stops here). */
    static final int MAX_CALLS_PER_COMMAND = 10;

    private final ScriptService scripts;
    private final DataActionCalls dataActions;
    private final RecentInteractions interactions;
    private final ScriptEngine engine = new ScriptEngine();
    private final ScriptDriver driver = new ScriptDriver(engine);

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
                throw new NotFound("Interaction " + start.interactionId() + " not found");
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
            carryOut(model, driver.load(model), alerts, runs, authorization);
            return state(scriptId, start.version(), model, inputs, alerts, runs);
        } catch (ScriptEngineException | IllegalArgumentException e) {
            throw InvalidInput.field("inputs", e.getMessage());
        }
    }

    public State command(String scriptId, CommandRequest request, String authorization) {
        if (request == null || request.state() == null || request.command() == null) {
            throw InvalidInput.field("command", "state and command are required: start a preview first");
        }
        CompiledScript script = compile(scriptId, request.version());
        SessionModel.SessionSnapshot saved = request.state();
        if (saved.values() == null) {
            throw InvalidInput.field("state", "state.values is required");
        }
        // No run waits between commands (each is completed at once), so none is taken from the caller.
        var snapshot = new SessionModel.SessionSnapshot(script.version().scriptId(), script.version().version(),
                saved.values(), saved.currentPageId(), saved.builtins() == null ? Map.of() : saved.builtins(), Map.of(),
                saved.banner());
        Command command = request.command();
        List<String> alerts = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        try {
            SessionModel model = engine.restore(script, snapshot);
            if (script.version().definition().page(model.currentPageId()).isEmpty()) {
                throw new Conflict("The page this preview showed is gone from the script: start the preview again");
            }
            ScriptDriver.Command engineCommand = switch (command.type() == null ? "" : command.type()) {
                case "click" -> new ScriptDriver.Command.Click(requireField("command.component", command.component()));
                case "setVariable" -> new ScriptDriver.Command.SetVariable(
                        requireField("command.variable", command.variable()), command.value());
                case "changePage" -> new ScriptDriver.Command.ChangePage(requireField("command.page", command.page()));
                default -> throw InvalidInput.field("command.type",
                        "command.type must be click, setVariable or changePage");
            };
            carryOut(model, driver.command(model, engineCommand), alerts, runs, authorization);
            return state(scriptId, request.version(), model, null, alerts, runs);
        } catch (ScriptEngineException | IllegalArgumentException e) {
            throw InvalidInput.field("command", e.getMessage());
        }
    }

    /**
     * Carries out what the script driver returned, as a live session would, except that each data action is executed
     * at once (for real, with the admin's token) and its run continues with the outcome. A refusal is the answer.
     */
    private void carryOut(SessionModel model, List<ScriptDriver.Effect> effects, List<String> alerts, List<Run> runs,
                          String authorization) {
        List<ScriptDriver.Effect> pending = new ArrayList<>(effects);
        Map<String, Run> byId = new LinkedHashMap<>();
        int calls = 0;
        while (!pending.isEmpty()) {
            ScriptDriver.Effect effect = pending.remove(0);
            if (effect instanceof ScriptDriver.Effect.Refused refused) {
                throw InvalidInput.field("command", refused.reason());
            } else if (effect instanceof ScriptDriver.Effect.Alert alert) {
                alerts.add(alert.message());
            } else if (effect instanceof ScriptDriver.Effect.Run run) {
                Run before = byId.get(run.runId());
                List<RunResult.StepRecord> steps = new ArrayList<>(before == null ? List.of() : before.steps());
                steps.addAll(run.steps());
                byId.put(run.runId(), new Run(run.runId(), run.action(),
                        before == null ? run.component() : before.component(),
                        run.status() == ScriptDriver.Status.SUCCEEDED ? "succeeded" : "failed", run.error(), steps,
                        before == null ? new ArrayList<>() : before.dataActions()));
            } else if (effect instanceof ScriptDriver.Effect.CallDataAction call) {
                if (++calls > MAX_CALLS_PER_COMMAND) {
                    stop(byId, call.runId());
                    continue;
                }
                Run run = byId.get(call.runId());
                DataActionCalls.Call done = dataActions.execute(call.dataActionId(), call.inputs(), authorization);
                run.dataActions().add(done);
                ActionOutcome outcome = done.success() ? ActionOutcome.success(done.outputs())
                        : ActionOutcome.failure(done.error());
                pending.addAll(0, driver.resume(model, call.runId(), outcome));
            } else if (effect instanceof ScriptDriver.Effect.AskInteraction ask) {
                if (++calls > MAX_CALLS_PER_COMMAND) {
                    stop(byId, ask.runId());
                    continue;
                }
                alerts.add("Would send: " + ask.action().describe());
                pending.addAll(0, driver.resume(model, ask.runId(), ActionOutcome.success(null)));
            } else if (effect instanceof ScriptDriver.Effect.Wait wait) {
                if (++calls > MAX_CALLS_PER_COMMAND) {
                    stop(byId, wait.runId());
                    continue;
                }
                alerts.add("Would wait " + wait.seconds() + " s");
                pending.addAll(0, driver.resume(model, wait.runId(), ActionOutcome.success(null)));
            }
        }
        runs.addAll(byId.values());
    }

    private static void stop(Map<String, Run> byId, String runId) {
        Run run = byId.get(runId);
        byId.put(runId, new Run(run.runId(), run.action(), run.component(), "failed", "stopped after "
                + MAX_CALLS_PER_COMMAND + " data actions, interaction actions or delays in one preview command",
                run.steps(), run.dataActions()));
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
            throw new Conflict("The script cannot be previewed: " + e.getMessage());
        }
    }

    private static String requireField(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.field(field, field + " is required");
        }
        return value;
    }
}
