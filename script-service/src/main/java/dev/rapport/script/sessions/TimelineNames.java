package dev.rapport.script.sessions;

import dev.rapport.contract.ActionResult;
import dev.rapport.contract.OnBehalfOf;
import dev.rapport.contract.SessionState;
import dev.rapport.script.engine.ScriptDriver;
import dev.rapport.script.engine.SessionModel;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.Page;
import java.util.Optional;

/**
 * How the timeline's summaries name what happened: people and things by the names people see ("Alex Agent clicked
 * Submit", "Ran Update Case (1 step)"), an id only when nothing better is known; the entries' details keep the ids.
 */
final class TimelineNames {
    private TimelineNames() {
    }

    /** An agent by the name the interaction gives them ({@code Scripter.Agent Name}), else by id. */
    static String agent(Session s, String agentId) {
        boolean named = agentId != null && agentId.equals(s.agentId) && s.agentName != null && !s.agentName.isBlank();
        return named ? s.agentName : String.valueOf(agentId);
    }

    static String agent(OnBehalfOf agent) {
        return agent.name() == null ? agent.userId() : agent.name();
    }

    /** A component by what the agent sees: a button's text, an input's variable; else as the command named it. */
    static String component(SessionModel model, String idOrText) {
        Component c = model.script().component(idOrText);
        if (c instanceof Component.Button b && b.text() != null && !b.text().isBlank()) {
            return b.text();
        }
        return c instanceof Component.Input in && in.variable() != null ? in.variable() : idOrText;
    }

    static String page(SessionModel model, String idOrName) {
        return model.script().version().definition().page(idOrName).map(Page::name)
                .filter(name -> !name.isBlank()).orElse(idOrName);
    }

    static String steps(int count) {
        return count == 1 ? "1 step" : count + " steps";
    }

    /** "Ran Update Case (1 step), waiting for a data action"; a run goes on where it waited, so "ran" each time. */
    static String run(ScriptDriver.Effect.Run run) {
        String ran = "Ran " + run.action() + " (" + steps(run.steps().size()) + ")";
        return switch (run.status()) {
            case RUNNING -> ran + ", waiting for a data action";
            case SUCCEEDED -> ran + ", completed";
            case FAILED -> ran + ", failed" + (run.error() == null ? "" : ": " + run.error());
        };
    }

    /** "Update Case runs a data action for Alex Agent". */
    static String requested(Session s, String runId, OnBehalfOf agent) {
        String asking = customAction(s, runId).map(name -> name + " runs a data action").orElse("A data action runs");
        return asking + (agent == null ? "" : " for " + agent(agent));
    }

    /** "No result in time from Update Case's data action". */
    static String timedOut(Session s, String runId, String actionId) {
        return "No result in time from " + dataAction(s, runId, actionId);
    }

    /** "Architect WS - Data Table Update succeeded for Alex Agent in 95 ms", for the agent the run acts for. */
    static String result(Session s, String runId, ActionResult result) {
        String name = result.actionName() == null ? dataAction(s, runId, result.actionId()) : result.actionName();
        OnBehalfOf agent = s.agentOf(runId);
        String error = result.success() || result.error() == null ? "" : ": " + result.error().message();
        return name + (result.success() ? " succeeded" : " failed") + (agent == null ? "" : " for " + agent(agent))
                + " in " + result.durationMs() + " ms" + error;
    }

    /** A data action whose name is not known (no result named it): "Update Case's data action", else its id. */
    private static String dataAction(Session s, String runId, String actionId) {
        return customAction(s, runId).map(name -> name + "'s data action").orElse(actionId);
    }

    private static Optional<String> customAction(Session s, String runId) {
        return s.runs.stream().filter(r -> r.runId().equals(runId)).findFirst()
                .map(SessionState.ActionRun::customAction);
    }
}
