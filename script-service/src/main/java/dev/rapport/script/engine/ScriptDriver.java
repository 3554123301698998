package dev.rapport.script.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives a running script for whoever holds it: a live session (whose data actions and interaction actions go out on
 * Kafka, and whose delays end by the timeout scan) or the designer's preview (which executes data actions at once and
 * only says what it would ask of the interaction). It takes an agent's command, the outcome of what a run waited for
 * or the script's load, enforces what the page offers, and returns what happened as effects. No I/O: the caller
 * carries the effects out, so live sessions and previews cannot differ in what a command does.
 */
public final class ScriptDriver {
    private final ScriptEngine engine;

    public ScriptDriver(ScriptEngine engine) {
        this.engine = engine;
    }

    /** What an agent asks of a session. Component and page may be named by id, or by button text / page name. */
    public sealed interface Command {
        record SetVariable(String variable, Object value) implements Command {
        }

        record Click(String component) implements Command {
        }

        record ChangePage(String page) implements Command {
        }
    }

    /** What a command, an outcome or a load did, in order. */
    public sealed interface Effect {
        /** A notice for the agent; level is info, success, warning or error. */
        record Alert(String message, String level) implements Effect {
        }

        /** A custom action run started, went on or ended; {@code steps} are the steps run this time. */
        record Run(String runId, String action, String component, Status status, String error,
                   List<RunResult.StepRecord> steps) implements Effect {
        }

        /** The run waits for this data action; resume it with {@link #resume} once its outcome is known. */
        record CallDataAction(String runId, String dataActionId, Map<String, String> inputs) implements Effect {
        }

        /** The run waits for the telephony side to do this; resume it with the answer (or its absence). */
        record AskInteraction(String runId, InteractionAction action) implements Effect {
        }

        /** The run waits {@code seconds}; resume it with a success once they have passed. */
        record Wait(String runId, int seconds) implements Effect {
        }

        /** An Info Banner step set the banner above the page (null: took it away). */
        record BannerShown(Banner banner) implements Effect {
        }

        record VariableSet(String variable, List<String> recalculated) implements Effect {
        }

        record PageChanged(String pageId) implements Effect {
        }

        /** The command was not done: the page does not offer it, or the value does not fit. */
        record Refused(String reason) implements Effect {
        }
    }

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    /** Carries out an agent's command; what the page does not offer is refused, never thrown. */
    public List<Effect> command(SessionModel session, Command command) {
        List<Effect> effects = new ArrayList<>();
        try {
            if (command instanceof Command.SetVariable set) {
                PageAccess.requireSettable(session, set.variable());
                var recalculation = engine.setVariable(session, set.variable(), set.value());
                effects.add(new Effect.VariableSet(set.variable(), recalculation.variables()));
            } else if (command instanceof Command.Click click) {
                String componentId = PageAccess.requireClickable(session, click.component());
                collect(engine.click(session, componentId), componentId, effects);
            } else if (command instanceof Command.ChangePage change) {
                String pageId = PageAccess.requireReachable(session, change.page());
                Navigation.changePage(session, pageId);
                effects.add(new Effect.PageChanged(pageId));
            }
        } catch (ScriptEngineException e) {
            effects.add(new Effect.Refused(e.getMessage()));
        }
        return effects;
    }

    /** Runs the script-load and start page's load actions. */
    public List<Effect> load(SessionModel session) {
        List<Effect> effects = new ArrayList<>();
        engine.load(session).forEach(run -> collect(run, null, effects));
        return effects;
    }

    /**
     * Continues the run that waited for a data action, an interaction action or a delay. A run that is gone (a
     * duplicate outcome) is refused.
     */
    public List<Effect> resume(SessionModel session, String runId, ActionOutcome outcome) {
        List<Effect> effects = new ArrayList<>();
        try {
            collect(engine.resume(session, runId, outcome), null, effects);
        } catch (ScriptEngineException e) {
            effects.add(new Effect.Refused(e.getMessage()));
        }
        return effects;
    }

    private static void collect(RunResult run, String componentId, List<Effect> effects) {
        for (RunResult.Effect effect : run.effects()) {
            if (effect instanceof RunResult.Effect.Alert alert) {
                effects.add(new Effect.Alert(alert.message(), "info"));
            } else if (effect instanceof RunResult.Effect.OpenUrl open) {
                effects.add(new Effect.Alert("Open " + open.url(), "info"));
            } else if (effect instanceof RunResult.Effect.PageChanged page) {
                effects.add(new Effect.PageChanged(page.pageId()));
            } else if (effect instanceof RunResult.Effect.BannerShown shown) {
                effects.add(new Effect.BannerShown(shown.banner()));
            }
        }
        Status status = switch (run.status()) {
            case COMPLETED -> Status.SUCCEEDED;
            case SUSPENDED -> Status.RUNNING;
            case FAILED -> Status.FAILED;
        };
        effects.add(new Effect.Run(run.runId(), run.action(), componentId, status, run.error(), run.steps()));
        if (run.status() != RunResult.Status.SUSPENDED || run.awaiting() == null) {
            return;
        }
        RunResult.Awaiting awaiting = run.awaiting();
        if (awaiting instanceof RunResult.DataActionRequest call) {
            effects.add(new Effect.CallDataAction(run.runId(), call.dataActionId(), call.inputs()));
        } else if (awaiting instanceof RunResult.InteractionRequest ask) {
            effects.add(new Effect.AskInteraction(run.runId(), ask.action()));
        } else if (awaiting instanceof RunResult.DelayRequest delay) {
            effects.add(new Effect.Wait(run.runId(), delay.seconds()));
        }
    }
}
