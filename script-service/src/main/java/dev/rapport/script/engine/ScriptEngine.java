package dev.rapport.script.engine;

import dev.rapport.script.model.Component;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptVersion;
import dev.rapport.script.model.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The script engine as a plain Java API: open a session on a version, set variables, click components, resume runs
 * suspended at a data action, render pages. No I/O: data actions are returned as requests for the caller to send.
 */
public final class ScriptEngine {
    private final Supplier<String> runIds;

    public ScriptEngine() {
        this(() -> UUID.randomUUID().toString());
    }

    public ScriptEngine(Supplier<String> runIds) {
        this.runIds = runIds;
    }

    /** Opens a session: inputs set (unknown inputs refused), defaults elsewhere, dynamic variables computed. */
    public SessionModel open(ScriptVersion version, Map<String, ?> inputs, Builtins builtins) {
        return open(new CompiledScript(version), inputs, builtins);
    }

    public SessionModel open(CompiledScript script, Map<String, ?> inputs, Builtins builtins) {
        Map<String, Object> initial = new LinkedHashMap<>();
        for (Variable v : script.variables().values()) {
            initial.put(v.name(), v.isDynamic() ? null : Values.initial(v));
        }
        if (inputs != null) {
            inputs.forEach((name, raw) -> {
                Variable v = script.variables().get(name);
                if (v == null || !v.input()) {
                    throw new ScriptEngineException("'" + name + "' is not an input variable of the script");
                }
                initial.put(name, Values.coerce(v, raw));
            });
        }
        SessionModel session = new SessionModel(script, builtins == null ? Builtins.NONE : builtins,
                script.version().definition().startPageId());
        session.load(initial);
        return session;
    }

    /** Restores a session from its snapshot against the same version (the one it pinned). */
    public SessionModel restore(CompiledScript script, SessionModel.SessionSnapshot snapshot) {
        SessionModel session = new SessionModel(script, new Builtins(snapshot.builtins()), snapshot.currentPageId());
        // values come back from JSON (ints, arrays); read them as their variables' types again
        Map<String, Object> values = new LinkedHashMap<>();
        for (Variable v : script.variables().values()) {
            Object saved = snapshot.values().get(v.name());
            values.put(v.name(), v.isDynamic() ? null : snapshot.values().containsKey(v.name()) ? Values.coerce(v, saved) : Values.initial(v));
        }
        session.load(values);
        session.runs().putAll(snapshot.runs());
        session.banner(snapshot.banner());
        return session;
    }

    /** Runs the script-load action, then the start page's load action; each may suspend. */
    public List<RunResult> load(SessionModel session) {
        List<RunResult> results = new ArrayList<>();
        var definition = session.script().version().definition();
        if (definition.onScriptLoad() != null && !definition.onScriptLoad().isBlank()) {
            results.add(run(session, definition.onScriptLoad()));
        }
        definition.page(session.currentPageId()).map(Page::onLoad).filter(a -> !a.isBlank())
                .ifPresent(a -> results.add(run(session, a)));
        return results;
    }

    public SessionModel.Recalculation setVariable(SessionModel session, String name, Object value) {
        return session.set(name, value);
    }

    /** A button runs its action; an input runs its change action. Disabled or hidden components are refused. */
    public RunResult click(SessionModel session, String componentId) {
        Component c = session.script().component(componentId);
        if (c == null) {
            throw new ScriptEngineException("unknown component '" + componentId + "'");
        }
        if (!session.isVisible(componentId) || !session.isEnabled(componentId)) {
            throw new ScriptEngineException("component '" + componentId + "' is hidden or disabled");
        }
        String action = c instanceof Component.Button b ? b.action()
                : c instanceof Component.Input in ? in.changeAction() : null;
        if (action == null || action.isBlank()) {
            throw new ScriptEngineException("component '" + componentId + "' has no action");
        }
        return run(session, action);
    }

    /** Runs a custom action by name. */
    public RunResult run(SessionModel session, String action) {
        return CustomActionRunner.start(session, runIds.get(), action).run();
    }

    public RunResult resume(SessionModel session, String runId, ActionOutcome outcome) {
        RunPosition position = session.runs().get(runId);
        if (position == null) {
            throw new ScriptEngineException("no run '" + runId + "' is waiting");
        }
        return new CustomActionRunner(session, runId, position.action(), position.frames()).resume(outcome);
    }

    public RenderedPage render(SessionModel session, String pageId) {
        Page page = session.script().version().definition().page(pageId)
                .orElseThrow(() -> new ScriptEngineException("unknown page '" + pageId + "'"));
        return new PageRenderer(session).render(page);
    }

    public List<RenderedPage> renderAll(SessionModel session) {
        return session.script().version().definition().pages().stream().map(p -> render(session, p.id())).toList();
    }
}
