package dev.rapport.script.validation;

import dev.rapport.contract.InteractionCommand;
import dev.rapport.script.model.Step;
import dev.rapport.script.model.Variable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the steps of custom actions, and collects the pages Change Page steps lead to. */
final class StepChecks {
    private final ScriptValidator v;
    private final Set<String> pageTargets = new HashSet<>();

    StepChecks(ScriptValidator v) {
        this.v = v;
    }

    Set<String> pageTargets() {
        return pageTargets;
    }

    void check(String parent, List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            step(parent + "/" + (i + 1), steps.get(i));
        }
    }

    private void step(String where, Step step) {
        if (step instanceof Step.ExecuteDataAction d) {
            if (d.dataActionId() == null || !ScriptValidator.DATA_ACTION_ID.matcher(d.dataActionId()).matches()) {
                v.problem(where + "/dataActionId", "invalid.data.action", "'" + d.dataActionId()
                        + "' is not a data action id");
            }
            d.inputs().forEach((field, text) -> v.template(where + "/inputs/" + field, text));
            d.outputs().forEach((field, variable) -> {
                Variable var = v.variableNamed(where + "/outputs/" + field, variable);
                if (var != null && var.isDynamic()) {
                    v.problem(where + "/outputs/" + field, "type.mismatch", "'" + variable + "' is dynamic and cannot be set");
                }
            });
            check(where + "/onSuccess", d.onSuccess());
            check(where + "/onFailure", d.onFailure());
        } else if (step instanceof Step.IfElse c) {
            v.variableNamed(where + "/variable", c.variable());
            if (c.operator() != Step.Operator.isEmpty) {
                operand(where + "/right", c.right());
            }
            check(where + "/then", c.then());
            check(where + "/else", c.otherwise());
        } else if (step instanceof Step.SetVariable s) {
            settable(where, s.variable(), false);
            operand(where + "/value", s.value());
        } else if (step instanceof Step.AddToList a) {
            settable(where, a.variable(), true);
            operand(where + "/value", a.value());
        } else if (step instanceof Step.RemoveFromList r) {
            settable(where, r.variable(), true);
            operand(where + "/value", r.value());
        } else if (step instanceof Step.Alert a) {
            v.template(where + "/message", a.message());
        } else if (step instanceof Step.OpenUrl o) {
            v.template(where + "/url", o.url());
        } else if (step instanceof Step.ChangePage p) {
            pageTargets.add(p.pageId());
            if (v.script.page(p.pageId()).isEmpty()) {
                v.problem(where + "/pageId", "unknown.page", "'" + p.pageId() + "' is not a page of the script");
            }
        } else if (step instanceof Step.RunCustomAction r) {
            v.action(where + "/action", r.action());
        } else if (step instanceof Step.TryOnError t) {
            check(where + "/try", t.steps());
            check(where + "/onError", t.onError());
        } else {
            interactionStep(where, step);
        }
    }

    /** Transfer, Schedule Callback, Disconnect, Info Banner and Delay: what is checked before the script runs. */
    private void interactionStep(String where, Step step) {
        if (step instanceof Step.Transfer t) {
            if (t.mode() == null) {
                v.problem(where + "/mode", "missing.value", "a transfer is blind or consult");
            }
            if (t.targetType() == null) {
                v.problem(where + "/targetType", "missing.value", "a transfer goes to a queue, a user or a number");
            }
            required(where + "/target", t.target(), "the transfer needs a target");
            if (t.targetType() == Step.TargetType.number) {
                phoneNumber(where + "/target", t.target());
            }
        } else if (step instanceof Step.ScheduleCallback c) {
            required(where + "/number", c.number(), "the callback needs a number to call");
            phoneNumber(where + "/number", c.number());
            required(where + "/time", c.time(), "the callback needs a time (e.g. {{Callback Time}})");
        } else if (step instanceof Step.InfoBanner b) {
            v.template(where + "/message", b.message());
            if (b.level() != null && !List.of("info", "success", "warning", "error").contains(b.level())) {
                v.problem(where + "/level", "invalid.value", "'" + b.level()
                        + "' is not info, success, warning or error");
            }
        } else if (step instanceof Step.Delay d) {
            if (d.seconds() == null || d.seconds() < 1 || d.seconds() > Step.Delay.MAX_SECONDS) {
                v.problem(where + "/seconds", "invalid.value", "a delay is 1 to " + Step.Delay.MAX_SECONDS
                        + " seconds");
            }
        }
    }

    private void required(String where, String template, String message) {
        if (template == null || template.isBlank()) {
            v.problem(where, "missing.value", message);
        } else {
            v.template(where, template);
        }
    }

    /** A number written out (no {{Variable}} in it) is checked now; one from a variable when the step runs. */
    private void phoneNumber(String where, String text) {
        if (text != null && !text.isBlank() && !text.contains("{{") && !InteractionCommand.isPhoneNumber(text.trim())) {
            v.problem(where, "invalid.value", "'" + text + "' is not a phone number");
        }
    }

    private void settable(String where, String name, boolean list) {
        Variable var = v.variableNamed(where + "/variable", name);
        if (var == null) {
            return;
        }
        if (var.isDynamic()) {
            v.problem(where + "/variable", "type.mismatch", "'" + name + "' is dynamic and cannot be set");
        } else if (var.isList() != list) {
            v.problem(where + "/variable", "type.mismatch", "'" + name + "' is " + (var.isList() ? "" : "not ") + "a list");
        }
    }

    private void operand(String where, Step.Operand operand) {
        if (operand == null || operand.kind() == null) {
            v.problem(where, "missing.value", "a value is required");
            return;
        }
        switch (operand.kind()) {
            case text -> v.template(where, operand.value());
            case variable -> v.variableNamed(where, operand.value());
            case expression -> v.expression(where, operand.value());
        }
    }
}
