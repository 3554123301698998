package dev.rapport.script.validation;

import dev.rapport.script.engine.Builtins;
import dev.rapport.script.engine.DependencyGraph;
import dev.rapport.script.expressions.Expression;
import dev.rapport.script.expressions.ExpressionException;
import dev.rapport.script.expressions.Patterns;
import dev.rapport.script.expressions.Template;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.CustomAction;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What publishing checks: unknown variables, actions and pages, type mismatches, unreachable pages, output mappings
 * to unknown variables, cycles among dynamic variables, expressions that do not parse, bad colours and patterns.
 * Data actions are checked by id format only: action-service is not asked (yet) whether they exist and are published.
 */
public final class ScriptValidator {
    /** action-service ids: a UUID, or Genesys's "custom_-_<uuid>" form, or a slug. */
    public static final Pattern DATA_ACTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Pattern COLOUR = Pattern.compile("#?[0-9a-fA-F]{6}|#?[0-9a-fA-F]{3}");

    final ScriptDefinition script;
    final Map<String, Variable> variables = new LinkedHashMap<>();
    final List<Problem> problems = new ArrayList<>();
    private Set<String> scope = Set.of();

    private ScriptValidator(ScriptDefinition script) {
        this.script = script;
        script.variables().forEach(v -> variables.put(v.name(), v));
    }

    public static List<Problem> validate(ScriptDefinition script) {
        ScriptValidator v = new ScriptValidator(script);
        v.run();
        return List.copyOf(v.problems);
    }

    private void run() {
        unique("variables", script.variables().stream().map(Variable::name).toList());
        unique("customActions", script.customActions().stream().map(CustomAction::name).toList());
        unique("pages", script.pages().stream().map(Page::id).toList());
        if (script.pages().isEmpty()) {
            problem("pages", "no.pages", "the script has no page");
        } else if (script.startPageId() == null || script.page(script.startPageId()).isEmpty()) {
            problem("startPageId", "unknown.page", "the start page '" + script.startPageId() + "' is not a page of the script");
        }
        Map<String, Set<String>> dynamicReads = new LinkedHashMap<>();
        for (Variable v : script.variables()) {
            variable(v, dynamicReads);
        }
        for (List<String> cycle : new DependencyGraph(dynamicReads, Map.of()).cycles()) {
            problem("variables/" + cycle.get(0) + "/expression", "cycle",
                    "dynamic variables depend on each other in a cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0));
        }
        action("onScriptLoad", script.onScriptLoad());
        Set<String> componentIds = new HashSet<>();
        for (Page page : script.pages()) {
            action("pages/" + page.name() + "/onLoad", page.onLoad());
            if (page.root() != null) {
                new ComponentChecks(this, componentIds).check("pages/" + page.name(), page.root());
            }
        }
        StepChecks steps = new StepChecks(this);
        script.customActions().forEach(a -> steps.check("customActions/" + a.name(), a.steps()));
        unreachablePages(steps.pageTargets());
    }

    private void variable(Variable v, Map<String, Set<String>> dynamicReads) {
        String where = "variables/" + v.name();
        if (v.name().startsWith(Builtins.PREFIX)) {
            problem(where, "reserved.name", "names starting with 'Scripter.' are reserved for built-in variables");
        }
        if (v.isDynamic()) {
            if (v.input()) {
                problem(where, "dynamic.input", "a dynamic variable is computed and cannot be an input");
            }
            Expression e = expression(where + "/expression", v.expression());
            if (e != null) {
                dynamicReads.put(v.name(), e.references());
                VariableType result = TypeInference.of(e, variables);
                if (result != null && result != v.type()) {
                    problem(where + "/expression", "type.mismatch", "the expression gives a " + result.wireName()
                            + " but the variable is a " + v.type().wireName());
                }
            }
        } else if (v.defaultValue() != null) {
            try {
                dev.rapport.script.engine.Values.coerce(v, v.defaultValue());
            } catch (RuntimeException e) {
                problem(where + "/default", "type.mismatch", e.getMessage());
            }
        }
    }

    private void unreachablePages(Set<String> targets) {
        for (Page page : script.pages()) {
            if (!page.id().equals(script.startPageId()) && !targets.contains(page.id())) {
                problem("pages/" + page.name(), "unreachable.page",
                        "no Change Page step leads to page '" + page.name() + "' and it is not the start page");
            }
        }
    }

    private void unique(String where, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                problem(where + "/" + name, "duplicate", "'" + name + "' is defined more than once");
            }
        }
    }

    void problem(String where, String code, String message) {
        problems.add(new Problem(where, code, message));
    }

    Expression expression(String where, String source) {
        try {
            Expression e = Expression.parse(source);
            references(where, e.references());
            return e;
        } catch (ExpressionException e) {
            problem(where, "invalid.expression", e.getMessage());
            return null;
        }
    }

    void template(String where, String text) {
        if (text != null) {
            references(where, Template.parse(text).references());
        }
    }

    /** Names that read as known where the components being checked are (a repeat's item), besides variables. */
    void scope(Set<String> names) {
        this.scope = names;
    }

    void references(String where, Set<String> refs) {
        for (String ref : refs) {
            if (!variables.containsKey(ref) && !Builtins.isBuiltin(ref) && !scope.contains(ref)) {
                problem(where, "unknown.variable", "{{" + ref + "}} is not a variable of the script");
            }
        }
    }

    Variable variableNamed(String where, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Variable v = variables.get(name);
        if (v == null && !Builtins.isBuiltin(name)) {
            problem(where, "unknown.variable", "'" + name + "' is not a variable of the script");
        }
        return v;
    }

    void action(String where, String name) {
        if (name != null && !name.isBlank() && script.customAction(name).isEmpty()) {
            problem(where, "unknown.action", "'" + name + "' is not a custom action of the script");
        }
    }

    void colour(String where, String value) {
        if (value != null && !value.contains("{{") && !COLOUR.matcher(value).matches()) {
            problem(where, "invalid.colour", "'" + value + "' is not a colour: use #rrggbb or {{Variable}}");
        }
        template(where, value);
    }

    void pattern(String where, String pattern) {
        if (pattern != null && !pattern.isEmpty()) {
            String problem = Patterns.problem(pattern);
            if (problem != null) {
                problem(where, "invalid.pattern", problem);
            }
        }
    }
}
