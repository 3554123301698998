package dev.rapport.script.engine;

import dev.rapport.script.expressions.Expression;
import dev.rapport.script.expressions.ExpressionException;
import dev.rapport.script.expressions.Template;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptVersion;
import dev.rapport.script.model.Variable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A script version made ready to run: expressions parsed once, components indexed, the dependency graph built.
 * Immutable apart from caches, so one instance serves every session of that version.
 */
public final class CompiledScript {
    private final ScriptVersion version;
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final Map<String, Expression> dynamic = new HashMap<>();
    private final Map<String, String> expressionErrors = new HashMap<>();
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, String> pageOfComponent = new HashMap<>();
    private final Map<String, Expression> conditions = new ConcurrentHashMap<>();
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private final DependencyGraph graph;

    public CompiledScript(ScriptVersion version) {
        this.version = version;
        Map<String, Set<String>> dynamicReads = new LinkedHashMap<>();
        for (Variable v : version.definition().variables()) {
            variables.put(v.name(), v);
            if (v.isDynamic()) {
                try {
                    Expression e = Expression.parse(v.expression());
                    dynamic.put(v.name(), e);
                    dynamicReads.put(v.name(), e.references());
                } catch (ExpressionException e) {
                    expressionErrors.put(v.name(), e.getMessage());
                    dynamicReads.put(v.name(), Set.of());
                }
            }
        }
        Map<String, Set<String>> componentReads = new LinkedHashMap<>();
        for (Page page : version.definition().pages()) {
            if (page.root() != null) {
                index(page.id(), page.root(), componentReads);
            }
        }
        this.graph = new DependencyGraph(dynamicReads, componentReads);
    }

    private void index(String pageId, Component c, Map<String, Set<String>> reads) {
        components.put(c.id(), c);
        pageOfComponent.put(c.id(), pageId);
        Set<String> refs = new LinkedHashSet<>();
        if (c.style() != null) {
            refs.addAll(condition(c.style().visible()).map(Expression::references).orElse(Set.of()));
            refs.addAll(condition(c.style().enabled()).map(Expression::references).orElse(Set.of()));
        }
        if (!refs.isEmpty()) {
            reads.put(c.id(), refs);
        }
        c.children().forEach(child -> index(pageId, child, reads));
    }

    /** A visible/enabled expression, parsed once; empty when absent or unparseable. */
    public java.util.Optional<Expression> condition(String source) {
        if (source == null || source.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(conditions.computeIfAbsent(source, Expression::parse));
        } catch (ExpressionException e) {
            return java.util.Optional.empty();
        }
    }

    public Template template(String source) {
        return templates.computeIfAbsent(source == null ? "" : source, Template::parse);
    }

    public ScriptVersion version() {
        return version;
    }

    public Map<String, Variable> variables() {
        return variables;
    }

    public Expression dynamicExpression(String name) {
        return dynamic.get(name);
    }

    public String expressionError(String name) {
        return expressionErrors.get(name);
    }

    public Component component(String id) {
        return components.get(id);
    }

    public String pageOf(String componentId) {
        return pageOfComponent.get(componentId);
    }

    public Map<String, Component> components() {
        return components;
    }

    public DependencyGraph graph() {
        return graph;
    }
}
