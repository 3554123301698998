package dev.rapport.script.flows;

import dev.rapport.script.expressions.Expression;
import dev.rapport.script.expressions.ExpressionBudget;
import dev.rapport.script.expressions.ExpressionException;
import dev.rapport.script.expressions.MathJsValues;
import dev.rapport.script.expressions.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs an inbound flow's steps for one interaction. A data table lookup, a data action call or a transfer to ACD
 * suspends the flow: the runner returns, the caller keeps the step's path (alternating step index and block name,
 * e.g. {@code ["2", "yes", "0"]}), and {@link #resume} continues from there with the branch the outcome chose, then
 * after each enclosing step. Pure logic: what the steps do to the world goes through {@link Effects}.
 *
 * <p>Loops cannot be written (a step's branches hold only later steps), and one runner is budgeted all the same: at
 * most {@link #MAX_STEPS} steps, and its expressions together at most {@link #EXPRESSION_TIME} (each also within the
 * expression engine's own budget). A flow that runs out stops there, on the timeline.
 */
public final class FlowRunner {
    /** Steps one runner (one input of the session) may run. */
    public static final int MAX_STEPS = 500;
    /** Time all expressions of one runner may take together. */
    public static final Duration EXPRESSION_TIME = Duration.ofMillis(500);

    /** What steps do, carried out by the caller in its transaction. */
    public interface Effects {
        /** Sends the lookup; the flow waits for its result. */
        void lookup(List<String> path, String tableId, String key);

        /** @param templates the step's input templates, @param inputs the same rendered now */
        void screenPop(String scriptId, Map<String, String> templates, Map<String, String> inputs);

        void setAttributes(Map<String, String> attributes);

        void transfer(String queueId, String queueName, boolean wrapupRequired);

        /** A timeline entry naming what a step decided. */
        default void record(String kind, String summary) {
        }

        /** Sets a flow variable ({@code {{Flow.<name>}}}); null removes it. */
        default void setVariable(String name, Object value) {
        }

        /** Sends the data action request; the flow waits at {@code path} for its result or its deadline. */
        default void callDataAction(List<String> path, String actionId, Map<String, Object> inputs,
                                    int timeoutSeconds) {
        }

        default void disconnect() {
        }

        default void transferToNumber(String number) {
        }

        default void requestCallback(String number, String queueId, String queueName) {
        }

        /** Queues the interaction for routing; the flow waits at {@code path} until connected or routing fails. */
        default void transferToAcd(List<String> path, String queueId, String queueName, int priority,
                                   List<String> skills, String languageId) {
        }

        /** Open, closed or holiday now, by the schedule group (closed when it does not exist). */
        default ScheduleState schedule(String scheduleGroupId) {
            return ScheduleState.CLOSED;
        }
    }

    /** How a lookup came out, choosing its branch. */
    public enum Branch { FOUND, NOT_FOUND, FAILURE }

    /** What a schedule group says at an instant. */
    public enum ScheduleState {
        OPEN, CLOSED, HOLIDAY;

        public String block() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How running a block ended: all of it ran, it waits at a step, or a step ended the flow. */
    private enum Outcome { DONE, WAITING, ENDED }

    private final FlowDefinition flow;
    private final Function<String, Object> values;
    private final Effects effects;
    private int steps;
    private final long expressionDeadline;

    /** @param values resolves {@code Call.*} and {@code Flow.*} references for templates and expressions */
    public FlowRunner(FlowDefinition flow, Function<String, Object> values, Effects effects) {
        this.flow = flow;
        this.values = values;
        this.effects = effects;
        this.expressionDeadline = System.nanoTime() + EXPRESSION_TIME.toNanos();
    }

    /** Runs the flow from its first step; returns true when it finished, false when it waits. */
    public boolean start() {
        return run(flow.steps(), List.of(), 0) != Outcome.WAITING;
    }

    /** Continues after the lookup at {@code path} with {@code branch}; true when the flow finished. */
    public boolean resume(List<String> path, Branch branch) {
        return resume(path, switch (branch) {
            case FOUND -> "found";
            case NOT_FOUND -> "notFound";
            case FAILURE -> "failure";
        });
    }

    /**
     * Continues after the step at {@code path} (which waited) with its block {@code block}, then after each
     * enclosing step, innermost first; true when the flow finished.
     */
    public boolean resume(List<String> path, String block) {
        FlowDefinition.Step step = stepAt(path);
        List<String> blockPath = append(path, block);
        Outcome outcome = run(FlowBlocks.blockOf(step, block), blockPath, 0);
        if (outcome != Outcome.DONE) {
            return outcome == Outcome.ENDED;
        }
        return after(path);
    }

    /** Goes on after the step at {@code path}, in its block and each enclosing one; true when the flow finished. */
    private boolean after(List<String> path) {
        List<String> at = path;
        while (!at.isEmpty()) {
            int index = Integer.parseInt(at.get(at.size() - 1));
            List<String> parentBlock = at.subList(0, at.size() - 1);
            Outcome outcome = run(block(parentBlock), parentBlock, index + 1);
            if (outcome != Outcome.DONE) {
                return outcome == Outcome.ENDED;
            }
            at = parentBlock.isEmpty() ? List.of() : parentBlock.subList(0, parentBlock.size() - 1);
        }
        return true;
    }

    /** The lookup at a path, for the caller that needs its outputs mapping. */
    public FlowDefinition.DataTableLookup lookupAt(List<String> path) {
        return (FlowDefinition.DataTableLookup) stepAt(path);
    }

    /** The step at a path (a lookup, a data action call, a transfer to ACD the flow waits at). */
    public FlowDefinition.Step stepAt(List<String> path) {
        List<FlowDefinition.Step> block = block(path.subList(0, path.size() - 1));
        return block.get(Integer.parseInt(path.get(path.size() - 1)));
    }

    private Outcome run(List<FlowDefinition.Step> block, List<String> blockPath, int from) {
        for (int i = from; i < block.size(); i++) {
            if (++steps > MAX_STEPS) {
                effects.record("flow.stopped", "The flow ran more than " + MAX_STEPS + " steps at once: stopped");
                return Outcome.ENDED;
            }
            List<String> path = append(blockPath, Integer.toString(i));
            Outcome outcome = step(block.get(i), path);
            if (outcome != Outcome.DONE) {
                return outcome;
            }
        }
        return Outcome.DONE;
    }

    private Outcome step(FlowDefinition.Step step, List<String> path) {
        if (step instanceof FlowDefinition.DataTableLookup lookup) {
            effects.lookup(path, lookup.tableId(), render(lookup.key()));
            return Outcome.WAITING;
        } else if (step instanceof FlowDefinition.ScreenPop pop) {
            Map<String, String> inputs = new LinkedHashMap<>();
            pop.inputs().forEach((name, template) -> inputs.put(name, render(template)));
            effects.screenPop(pop.scriptId(), pop.inputs(), inputs);
        } else if (step instanceof FlowDefinition.SetParticipantData data) {
            Map<String, String> attributes = new LinkedHashMap<>();
            data.attributes().forEach((name, template) -> attributes.put(name, render(template)));
            data.expressions().forEach((name, expression) -> attributes.put(name,
                    MathJsValues.text(evaluate(expression, "Set participant data " + name))));
            if (!data.expressions().isEmpty()) {
                effects.record("flow.setParticipantData", "Set participant data " + String.join(", ",
                        attributes.keySet()));
            }
            effects.setAttributes(attributes);
        } else if (step instanceof FlowDefinition.TransferToQueue transfer) {
            effects.transfer(transfer.queueId(), transfer.queueName(),
                    Boolean.TRUE.equals(transfer.wrapupRequired()));
        } else if (step instanceof FlowDefinition.Decision decision) {
            boolean yes = MathJsValues.truthy(evaluate(decision.expression(), "Decision " + label(decision.name(),
                    decision.expression())));
            effects.record("flow.decision", "Decision '" + label(decision.name(), decision.expression()) + "': "
                    + (yes ? "yes" : "no"));
            return branch(path, yes ? "yes" : "no", yes ? decision.yes() : decision.no());
        } else if (step instanceof FlowDefinition.Switch sw) {
            for (int c = 0; c < sw.cases().size(); c++) {
                FlowDefinition.Case option = sw.cases().get(c);
                if (MathJsValues.truthy(evaluate(option.expression(), "Switch case " + (c + 1)))) {
                    effects.record("flow.switch", "Switch '" + label(sw.name(), "switch") + "': case " + (c + 1)
                            + " (" + option.expression() + ")");
                    return branch(path, "case" + c, option.steps());
                }
            }
            effects.record("flow.switch", "Switch '" + label(sw.name(), "switch") + "': default");
            return branch(path, "default", sw.otherwise());
        } else if (step instanceof FlowDefinition.SetVariable set) {
            Object value = evaluate(set.expression(), "Set variable " + set.name());
            effects.setVariable(set.name(), value);
            effects.record("flow.setVariable", "Set Flow." + set.name() + " = " + preview(value));
        } else if (step instanceof FlowDefinition.CallDataAction call) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            call.inputs().forEach((name, expression) ->
                    inputs.put(name, evaluate(expression, "Data action input " + name)));
            effects.callDataAction(path, call.actionId(), inputs, call.timeoutOrDefault());
            return Outcome.WAITING;
        } else if (step instanceof FlowDefinition.Disconnect) {
            effects.record("flow.disconnect", "Disconnect: the flow ends");
            effects.disconnect();
            return Outcome.ENDED;
        } else if (step instanceof FlowDefinition.TransferToNumber transfer) {
            String number = MathJsValues.text(evaluate(transfer.number(), "Transfer to number"));
            effects.record("flow.transferToNumber", "Transfer to number " + number + ": the flow ends");
            effects.transferToNumber(number);
            return Outcome.ENDED;
        } else if (step instanceof FlowDefinition.RequestCallback callback) {
            Object number = blank(callback.number()) ? values.apply("Call.Ani")
                    : evaluate(callback.number(), "Request callback");
            String text = MathJsValues.text(number);
            effects.record("flow.requestCallback", "Request callback to " + text + " in queue "
                    + label(callback.queueName(), String.valueOf(callback.queueId())));
            effects.requestCallback(text, callback.queueId(), callback.queueName());
        } else if (step instanceof FlowDefinition.TransferToAcd acd) {
            int priority = 0;
            if (!blank(acd.priority())) {
                Object value = evaluate(acd.priority(), "Transfer to ACD priority");
                try {
                    double number = value == null ? 0 : MathJsValues.toNumber(value);
                    priority = Double.isNaN(number) ? 0 : (int) Math.max(-1_000_000, Math.min(1_000_000, number));
                } catch (RuntimeException notANumber) {
                    effects.record("flow.expression.failed", "Transfer to ACD priority: " + preview(value)
                            + " is not a number; priority 0");
                }
            }
            effects.record("flow.transferToAcd", "Transfer to ACD queue " + label(acd.queueName(), acd.queueId())
                    + " (priority " + priority + (acd.skills().isEmpty() ? "" : ", skills " + acd.skills())
                    + (blank(acd.languageId()) ? "" : ", language " + acd.languageId()) + ")");
            effects.transferToAcd(path, acd.queueId(), acd.queueName(), priority, acd.skills(), acd.languageId());
            return Outcome.WAITING;
        } else if (step instanceof FlowDefinition.EvaluateScheduleGroup schedule) {
            ScheduleState state = effects.schedule(schedule.scheduleGroupId());
            effects.record("flow.schedule", "Schedule group " + schedule.scheduleGroupId() + ": " + state.block());
            return branch(path, state.block(), FlowBlocks.blockOf(schedule, state.block()));
        }
        return Outcome.DONE;
    }

    private Outcome branch(List<String> path, String name, List<FlowDefinition.Step> block) {
        return run(block, append(path, name), 0);
    }

    /**
     * The expression's value; one that fails (a syntax error cannot reach here: publishing parses every expression)
     * is on the timeline and reads as null, so a decision takes its no path.
     */
    private Object evaluate(String source, String where) {
        if (blank(source)) {
            return null;
        }
        long left = expressionDeadline - System.nanoTime();
        try {
            if (left <= 0) {
                throw new ExpressionException("budget exceeded: the flow's expressions took longer than "
                        + EXPRESSION_TIME.toMillis() + " ms");
            }
            Duration time = Duration.ofNanos(Math.min(left, ExpressionBudget.DEFAULT.maxDuration().toNanos()));
            return Expression.parse(source).evaluate(values, ExpressionBudget.DEFAULT.withMaxDuration(time));
        } catch (ExpressionException | IllegalArgumentException e) {
            effects.record("flow.expression.failed", where + ": " + e.getMessage());
            return null;
        }
    }

    private String render(String template) {
        return Template.parse(template).render(values);
    }

    private static String label(String name, String fallback) {
        return blank(name) ? fallback : name;
    }

    private static String preview(Object value) {
        String text = MathJsValues.text(value);
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The steps of the block at a path of alternating step index and block name ([] is the flow's steps). */
    private List<FlowDefinition.Step> block(List<String> blockPath) {
        List<FlowDefinition.Step> block = flow.steps();
        for (int i = 0; i < blockPath.size(); i += 2) {
            block = FlowBlocks.blockOf(block.get(Integer.parseInt(blockPath.get(i))), blockPath.get(i + 1));
        }
        return block;
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> out = new ArrayList<>(path);
        out.add(segment);
        return out;
    }
}
