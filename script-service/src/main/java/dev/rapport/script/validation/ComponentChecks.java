package dev.rapport.script.validation;

import dev.rapport.script.model.Component;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableType;
import java.util.List;
import java.util.Set;

/** Checks each component: unique ids, known variables of the right type, known actions, colours, patterns. */
final class ComponentChecks {
    /** The names a repeated component reads its item by (docs/script-service.md). */
    static final Set<String> ITEM_NAMES = Set.of("Item", "Item Index");
    private final ScriptValidator v;
    private final Set<String> ids;

    ComponentChecks(ScriptValidator v, Set<String> ids) {
        this.v = v;
        this.ids = ids;
    }

    void check(String parent, Component c) {
        check(parent, c, null);
    }

    /** {@code repeat}: the list variable of the repeating container this component is inside, or null. */
    private void check(String parent, Component c, String repeat) {
        String where = parent + "/" + PageNames.describe(c);
        v.scope(repeat == null ? Set.of() : ITEM_NAMES);
        repeats(where, c, repeat);
        if (!ids.add(c.id())) {
            v.problem(where, "duplicate", "component id '" + c.id() + "' is used more than once");
        }
        if (c.style() != null) {
            if (c.style().visible() != null) {
                v.expression(where + "/visible", c.style().visible());
            }
            if (c.style().enabled() != null) {
                v.expression(where + "/enabled", c.style().enabled());
            }
            v.colour(where + "/backgroundColor", c.style().backgroundColor());
            v.colour(where + "/textColor", c.style().textColor());
        }
        if (c instanceof Component.Text t) {
            v.template(where + "/text", t.text());
        } else if (c instanceof Component.WebPage w) {
            v.template(where + "/source", w.source());
        } else if (c instanceof Component.Image i) {
            v.template(where + "/source", i.source());
        } else if (c instanceof Component.Link l) {
            v.template(where + "/text", l.text());
            v.template(where + "/url", l.url());
        } else if (c instanceof Component.Button b) {
            v.template(where + "/text", b.text());
            v.action(where + "/action", b.action());
        } else if (c instanceof Component.ListView l) {
            for (String column : l.columns()) {
                Variable var = v.variableNamed(where + "/columns", column);
                if (var != null && !var.isList()) {
                    v.problem(where + "/columns", "type.mismatch", "'" + column + "' is not a list variable");
                }
            }
        } else if (c instanceof Component.Input in) {
            input(where, in);
        }
        String inside = repeat != null ? repeat
                : c instanceof Component.Container k && k.repeatFor() != null && !k.repeatFor().isBlank()
                ? k.repeatFor() : null;
        c.children().forEach(child -> check(where, child, inside));
        v.scope(Set.of());
    }

    /**
     * A repeat names a list variable, is not inside another repeat, and holds nothing that takes the agent's input: an
     * input's variable or a button's action could not tell which item it was for.
     */
    private void repeats(String where, Component c, String repeat) {
        if (c instanceof Component.Container k && k.repeatFor() != null && !k.repeatFor().isBlank()) {
            Variable list = v.variableNamed(where + "/repeatFor", k.repeatFor());
            if (list != null && !list.isList() && !list.isDynamic()) {
                v.problem(where + "/repeatFor", "type.mismatch", "'" + k.repeatFor()
                        + "' is neither a list variable nor a dynamic variable (e.g. split({{Services}}, \"|\"))");
            }
            if (repeat != null) {
                v.problem(where + "/repeatFor", "repeat.nested", "a repeat inside a repeat (of '" + repeat
                        + "') is not supported");
            }
        }
        if (repeat != null && (c instanceof Component.Input || c instanceof Component.Button)) {
            v.problem(where, "repeat.input", "an input or button cannot be inside a repeat (of '" + repeat
                    + "'): it could not tell which item it is for");
        }
        if (c instanceof Component.WebPage w && w.signedContext() != null) {
            List<String> names = w.signedContext().variables();
            if (names.size() > Component.SignedContext.MAX_VARIABLES) {
                v.problem(where + "/signedContext/variables", "too.many", "a signed context names at most "
                        + Component.SignedContext.MAX_VARIABLES + " variables");
            }
            names.forEach(name -> v.variableNamed(where + "/signedContext/variables", name));
        }
    }

    private void input(String where, Component.Input in) {
        v.action(where + "/changeAction", in.changeAction());
        Variable var = v.variableNamed(where + "/variable", in.variable());
        if (var != null) {
            if (var.isDynamic()) {
                v.problem(where + "/variable", "type.mismatch", "'" + var.name() + "' is dynamic and cannot be edited");
            }
            VariableType expected = in instanceof Component.Checkbox ? VariableType.BOOLEAN
                    : in instanceof Component.NumberInput ? VariableType.NUMBER : null;
            if (expected != null && var.type() != expected) {
                v.problem(where + "/variable", "type.mismatch", "'" + var.name() + "' is a " + var.type().wireName()
                        + " variable; this input needs a " + expected.wireName());
            }
            if (var.isList()) {
                v.problem(where + "/variable", "type.mismatch", "'" + var.name() + "' is a list; an input edits one value");
            }
        }
        if (in instanceof Component.TextInput t) {
            v.template(where + "/placeholder", t.placeholder());
            v.pattern(where + "/pattern", t.pattern());
        }
        String optionsVariable = in instanceof Component.Dropdown d ? d.optionsVariable()
                : in instanceof Component.RadioGroup r ? r.optionsVariable() : null;
        String labelsVariable = in instanceof Component.Dropdown d ? d.labelsVariable()
                : in instanceof Component.RadioGroup r ? r.labelsVariable() : null;
        for (String list : new String[] {optionsVariable, labelsVariable}) {
            Variable lv = v.variableNamed(where + "/options", list);
            if (lv != null && !lv.isList()) {
                v.problem(where + "/options", "type.mismatch", "'" + list + "' is not a list variable");
            }
        }
    }
}
