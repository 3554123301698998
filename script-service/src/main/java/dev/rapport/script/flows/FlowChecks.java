package dev.rapport.script.flows;

import dev.rapport.script.expressions.Expression;
import dev.rapport.script.schedules.ScheduleGroupEntity;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Publishing checks of the flow logic steps (issue 17): every expression parses and reads only {@code Call.*} values
 * and flow variables the flow sets somewhere (an unset one reads as null: {@code isSet} tells), every data action
 * call names its action and a timeout from 1 to 60 s, every transfer its queue, every schedule step an existing
 * schedule group; and the flow is bounded ({@link #MAX_STEPS} steps, {@link #MAX_DEPTH} levels of branches). Each
 * problem starts with where it is ({@code steps[0].yes[1].expression: ...}).
 */
final class FlowChecks {
    static final int MAX_STEPS = 1_000;
    static final int MAX_DEPTH = 32;
    static final int MAX_EXPRESSION = 4_096;
    static final int MAX_SKILLS = 50;
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_ ]{0,63}");

    private final List<String> problems;
    private final Set<String> variables = new HashSet<>();

    FlowChecks(List<String> problems) {
        this.problems = problems;
    }

    /** False (with a problem) when the flow has too many steps or branches nested too deep to check further. */
    boolean size(List<FlowDefinition.Step> steps, String where, int depth) {
        int[] count = {0};
        int deepest = count(steps, 0, count);
        if (count[0] > MAX_STEPS) {
            problems.add(where + ": the flow has " + count[0] + " steps; at most " + MAX_STEPS);
            return false;
        }
        if (deepest > MAX_DEPTH) {
            problems.add(where + ": branches are nested " + deepest + " deep; at most " + MAX_DEPTH);
            return false;
        }
        return true;
    }

    private static int count(List<FlowDefinition.Step> steps, int depth, int[] count) {
        int deepest = depth;
        for (FlowDefinition.Step step : steps) {
            if (++count[0] > MAX_STEPS) {
                return deepest;
            }
            for (List<FlowDefinition.Step> block : FlowBlocks.blocks(step).values()) {
                deepest = Math.max(deepest, count(block, depth + 1, count));
            }
        }
        return deepest;
    }

    /** The flow variables the flow sets anywhere: lookup outputs, Set Variable, data action outputs. */
    void collectVariables(List<FlowDefinition.Step> steps) {
        for (FlowDefinition.Step step : steps) {
            if (step instanceof FlowDefinition.DataTableLookup lookup) {
                variables.addAll(lookup.outputs().keySet());
            } else if (step instanceof FlowDefinition.SetVariable set && set.name() != null) {
                variables.add(set.name().trim());
            } else if (step instanceof FlowDefinition.CallDataAction call) {
                variables.addAll(call.outputs().keySet());
            }
            FlowBlocks.blocks(step).values().forEach(this::collectVariables);
        }
    }

    /** The field of a block in the flow's JSON, for problem paths: a switch's {@code case0} is {@code cases[0].steps}. */
    static String blockField(FlowDefinition.Step step, String block) {
        return step instanceof FlowDefinition.Switch && block.startsWith("case")
                ? "cases[" + block.substring(4) + "].steps" : block;
    }

    /** Checks one flow logic step (not its branches). */
    void step(FlowDefinition.Step step, String at) {
        if (step instanceof FlowDefinition.Decision decision) {
            expression(decision.expression(), at + ".expression", true);
        } else if (step instanceof FlowDefinition.Switch sw) {
            if (sw.cases().isEmpty()) {
                problems.add(at + ".cases: a switch needs at least one case");
            }
            for (int c = 0; c < sw.cases().size(); c++) {
                expression(sw.cases().get(c).expression(), at + ".cases[" + c + "].expression", true);
            }
        } else if (step instanceof FlowDefinition.SetVariable set) {
            variableName(set.name(), at + ".name");
            expression(set.expression(), at + ".expression", true);
        } else if (step instanceof FlowDefinition.CallDataAction call) {
            if (blank(call.actionId())) {
                problems.add(at + ".actionId: the data action to call is required");
            } else if (call.actionId().length() > 256) {
                problems.add(at + ".actionId: at most 256 characters");
            }
            if (call.timeoutSeconds() != null && (call.timeoutSeconds() < 1
                    || call.timeoutSeconds() > FlowDefinition.CallDataAction.MAX_TIMEOUT_SECONDS)) {
                problems.add(at + ".timeoutSeconds: " + call.timeoutSeconds() + " is not from 1 to "
                        + FlowDefinition.CallDataAction.MAX_TIMEOUT_SECONDS);
            }
            call.inputs().forEach((name, value) -> {
                if (blank(name)) {
                    problems.add(at + ".inputs: an input needs a name");
                } else {
                    expression(value, at + ".inputs." + name, true);
                }
            });
            for (Map.Entry<String, String> output : call.outputs().entrySet()) {
                variableName(output.getKey(), at + ".outputs." + output.getKey());
                if (blank(output.getValue())) {
                    problems.add(at + ".outputs." + output.getKey() + ": the output to copy is required");
                }
            }
        } else if (step instanceof FlowDefinition.TransferToNumber transfer) {
            expression(transfer.number(), at + ".number", true);
        } else if (step instanceof FlowDefinition.RequestCallback callback) {
            expression(callback.number(), at + ".number", false);
        } else if (step instanceof FlowDefinition.TransferToAcd acd) {
            if (blank(acd.queueId())) {
                problems.add(at + ".queueId: the queue is required");
            }
            expression(acd.priority(), at + ".priority", false);
            if (acd.skills().size() > MAX_SKILLS) {
                problems.add(at + ".skills: " + acd.skills().size() + " skills; at most " + MAX_SKILLS);
            }
            for (int i = 0; i < acd.skills().size(); i++) {
                String skill = acd.skills().get(i);
                if (blank(skill) || skill.length() > 256) {
                    problems.add(at + ".skills[" + i + "]: a skill id of 1 to 256 characters is required");
                }
            }
            if (acd.languageId() != null && acd.languageId().length() > 128) {
                problems.add(at + ".languageId: at most 128 characters");
            }
        } else if (step instanceof FlowDefinition.EvaluateScheduleGroup schedule) {
            if (blank(schedule.scheduleGroupId())) {
                problems.add(at + ".scheduleGroupId: the schedule group is required");
            } else if (!scheduleGroupExists(schedule.scheduleGroupId())) {
                problems.add(at + ".scheduleGroupId: no schedule group has the id " + schedule.scheduleGroupId());
            }
        }
    }

    /** The expression parses and names only {@code Call.*} and flow variables the flow sets; blank when optional. */
    void expression(String source, String at, boolean required) {
        if (blank(source)) {
            if (required) {
                problems.add(at + ": an expression is required, e.g. contains({{Call.Attributes.Services}},"
                        + " \"Insurance\")");
            }
            return;
        }
        if (source.length() > MAX_EXPRESSION) {
            problems.add(at + ": the expression has " + source.length() + " characters; at most " + MAX_EXPRESSION);
            return;
        }
        Expression parsed;
        try {
            parsed = Expression.parse(source);
        } catch (RuntimeException e) {
            problems.add(at + ": " + e.getMessage());
            return;
        }
        for (String reference : parsed.references()) {
            if (reference.startsWith("Flow.")) {
                if (!variables.contains(reference.substring(5))) {
                    problems.add(at + ": {{" + reference + "}} is set by no step of the flow (Set Variable, a"
                            + " lookup's or a data action's outputs)");
                }
            } else if (!reference.equals("Call.Ani") && !reference.equals("Call.Dnis")
                    && !reference.equals("Call.InteractionId") && !reference.startsWith("Call.Attributes.")) {
                problems.add(at + ": {{" + reference + "}} is unknown; use Call.Ani, Call.Dnis, Call.InteractionId,"
                        + " Call.Attributes.<name> or Flow.<variable>");
            }
        }
    }

    private void variableName(String name, String at) {
        if (blank(name) || !VARIABLE.matcher(name.trim()).matches()) {
            problems.add(at + ": a flow variable name is letters, digits, _ and spaces (at most 64), starting with a"
                    + " letter or _");
        }
    }

    private static boolean scheduleGroupExists(String id) {
        try {
            return ScheduleGroupEntity.findById(UUID.fromString(id.trim())) != null;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
