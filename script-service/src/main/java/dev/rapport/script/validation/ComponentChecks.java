package dev.rapport.script.validation;

import dev.rapport.script.model.Component;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableType;
import java.util.Set;

/** Checks each component: unique ids, known variables of the right type, known actions, colours, patterns. */
final class ComponentChecks {
    private final ScriptValidator v;
    private final Set<String> ids;

    ComponentChecks(ScriptValidator v, Set<String> ids) {
        this.v = v;
        this.ids = ids;
    }

    void check(String parent, Component c) {
        String where = parent + "/" + PageNames.describe(c);
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
        c.children().forEach(child -> check(where, child));
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
