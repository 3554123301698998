package dev.rapport.script.engine;

import dev.rapport.script.expressions.Expression;
import dev.rapport.script.expressions.ExpressionException;
import dev.rapport.script.expressions.MathJsValues;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One running script: variable values, the page shown, cached visibilities and the suspended runs. Not thread-safe:
 * one interaction's inputs are handled one at a time (Kafka partition order). {@link #snapshot()} is its state as
 * plain values.
 */
public final class SessionModel {
    private final CompiledScript script;
    private final Builtins builtins;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, Boolean> visible = new HashMap<>();
    private final Map<String, Boolean> enabled = new HashMap<>();
    private final Map<String, RunPosition> runs = new LinkedHashMap<>();
    private String currentPageId;
    private Banner banner;

    SessionModel(CompiledScript script, Builtins builtins, String currentPageId) {
        this.script = script;
        this.builtins = builtins;
        this.currentPageId = currentPageId;
    }

    /** What changed after a variable was set: the dynamic variables and components recomputed. */
    public record Recalculation(List<String> variables, List<String> components) {
    }

    /** {@code banner} is null when no Info Banner step shows one. */
    public record SessionSnapshot(String scriptId, int version, Map<String, Object> values, String currentPageId,
                                  Map<String, String> builtins, Map<String, RunPosition> runs, Banner banner) {
        public SessionSnapshot(String scriptId, int version, Map<String, Object> values, String currentPageId,
                               Map<String, String> builtins, Map<String, RunPosition> runs) {
            this(scriptId, version, values, currentPageId, builtins, runs, null);
        }
    }

    public SessionSnapshot snapshot() {
        return new SessionSnapshot(script.version().scriptId(), script.version().version(),
                new LinkedHashMap<>(values), currentPageId, builtins.values(), new LinkedHashMap<>(runs), banner);
    }

    /** What the last Info Banner step shows above the page, or null. */
    public Banner banner() {
        return banner;
    }

    void banner(Banner banner) {
        this.banner = banner;
    }

    public CompiledScript script() {
        return script;
    }

    public Builtins builtins() {
        return builtins;
    }

    public String currentPageId() {
        return currentPageId;
    }

    void currentPageId(String pageId) {
        this.currentPageId = pageId;
    }

    public Object value(String name) {
        return values.get(name);
    }

    public Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** Errors of dynamic variables that could not be computed, by variable name. */
    public Map<String, String> errors() {
        return java.util.Collections.unmodifiableMap(errors);
    }

    public boolean isVisible(String componentId) {
        return visible.getOrDefault(componentId, true);
    }

    public boolean isEnabled(String componentId) {
        return enabled.getOrDefault(componentId, true);
    }

    Map<String, RunPosition> runs() {
        return runs;
    }

    /** Resolves a {@code {{reference}}}: a script variable or a built-in. */
    public Object resolve(String reference) {
        if (reference.startsWith(Builtins.PREFIX) && Builtins.isBuiltin(reference)) {
            String name = reference.substring(Builtins.PREFIX.length());
            return name.equals(Builtins.PAGE_IS_INVALID) ? PageValidation.isInvalid(this, currentPageId) : builtins.get(name);
        }
        if (!values.containsKey(reference)) {
            throw new ExpressionException("unknown variable {{" + reference + "}}");
        }
        return values.get(reference);
    }

    void load(Map<String, Object> initial) {
        values.putAll(initial);
        recomputeAll();
    }

    /** Sets a basic or list variable and recomputes what depends on it. */
    public Recalculation set(String name, Object raw) {
        Variable v = script.variables().get(name);
        if (v == null) {
            throw new ScriptEngineException("unknown variable '" + name + "'");
        }
        if (v.isDynamic()) {
            throw new ScriptEngineException("variable '" + name + "' is dynamic: its value is computed");
        }
        values.put(name, Values.coerce(v, raw));
        return recalculate(Set.of(name));
    }

    Recalculation recalculate(Set<String> changed) {
        List<String> dynamics = script.graph().dynamicDependents(changed);
        dynamics.forEach(this::computeDynamic);
        Set<String> all = new LinkedHashSet<>(changed);
        all.addAll(dynamics);
        List<String> components = new ArrayList<>(script.graph().componentsReading(all));
        components.forEach(this::computeConditions);
        return new Recalculation(dynamics, components);
    }

    void recomputeAll() {
        script.graph().evaluationOrder().forEach(this::computeDynamic);
        script.variables().values().stream().filter(Variable::isDynamic)
                .filter(v -> !script.graph().evaluationOrder().contains(v.name()))
                .forEach(v -> errors.put(v.name(), "the variable is part of a dependency cycle"));
        script.components().keySet().forEach(this::computeConditions);
    }

    private void computeDynamic(String name) {
        Variable v = script.variables().get(name);
        Expression e = script.dynamicExpression(name);
        if (e == null) {
            values.put(name, null);
            errors.put(name, script.expressionError(name));
            return;
        }
        try {
            values.put(name, Values.coerce(v, e.evaluate(this::resolve)));
            errors.remove(name);
        } catch (ExpressionException | ScriptEngineException ex) {
            values.put(name, null);
            errors.put(name, ex.getMessage());
        }
    }

    private void computeConditions(String componentId) {
        Component c = script.component(componentId);
        if (c.style() == null) {
            return;
        }
        visible.put(componentId, condition(c.style().visible()));
        enabled.put(componentId, condition(c.style().enabled()));
    }

    /**
     * A condition that cannot be evaluated (or parsed) is false: a component guarded by a broken condition stays
     * hidden or disabled, so an error never offers the agent what the condition was meant to keep away.
     */
    private boolean condition(String source) {
        if (source == null || source.isBlank()) {
            return true;
        }
        return script.condition(source).map(e -> {
            try {
                return MathJsValues.truthy(e.evaluate(this::resolve));
            } catch (ExpressionException | ScriptEngineException ex) {
                return false;
            }
        }).orElse(false);
    }

    /**
     * A visible/enabled condition evaluated now, names looked up in {@code scope} first (a repeat's item), then as
     * {@link #resolve}; false when it cannot be evaluated, as cached conditions are.
     */
    boolean condition(String source, java.util.function.Function<String, Object> scope) {
        if (source == null || source.isBlank()) {
            return true;
        }
        return script.condition(source).map(e -> {
            try {
                return MathJsValues.truthy(e.evaluate(ref -> scoped(ref, scope)));
            } catch (ExpressionException | ScriptEngineException ex) {
                return false;
            }
        }).orElse(false);
    }

    /** Interpolates text with names looked up in {@code scope} first (a repeat's item), then as {@link #interpolate}. */
    String interpolate(String text, java.util.function.Function<String, Object> scope) {
        return script.template(text).render(ref -> {
            try {
                return scoped(ref, scope);
            } catch (ExpressionException e) {
                return null;
            }
        });
    }

    private Object scoped(String reference, java.util.function.Function<String, Object> scope) {
        Object inScope = scope.apply(reference);
        return inScope != null ? inScope : resolve(reference);
    }

    /** Interpolates text against this session's values; unknown references read as empty. */
    public String interpolate(String text) {
        return script.template(text).render(ref -> {
            try {
                return resolve(ref);
            } catch (ExpressionException e) {
                return null;
            }
        });
    }
}
