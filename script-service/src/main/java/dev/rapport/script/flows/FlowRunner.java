package dev.rapport.script.flows;

import dev.rapport.script.expressions.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs an inbound flow's steps for one interaction. A data table lookup suspends the flow: the runner returns the
 * lookup's path, and {@link #resume} continues from there with the branch the lookup's result chose. Pure logic:
 * what the steps do to the world goes through {@link Effects}.
 */
public final class FlowRunner {

    /** What steps do, carried out by the caller in its transaction. */
    public interface Effects {
        /** Sends the lookup; the flow waits for its result. */
        void lookup(List<String> path, String tableId, String key);

        /** @param templates the step's input templates, @param inputs the same rendered now */
        void screenPop(String scriptId, Map<String, String> templates, Map<String, String> inputs);

        void setAttributes(Map<String, String> attributes);

        void transfer(String queueId, String queueName, boolean wrapupRequired);
    }

    /** How a lookup came out, choosing its branch. */
    public enum Branch { FOUND, NOT_FOUND, FAILURE }

    private final FlowDefinition flow;
    private final Function<String, Object> values;
    private final Effects effects;

    /** @param values resolves {@code Call.*} and {@code Flow.*} references for templates */
    public FlowRunner(FlowDefinition flow, Function<String, Object> values, Effects effects) {
        this.flow = flow;
        this.values = values;
        this.effects = effects;
    }

    /** Runs the flow from its first step; returns true when it finished, false when it waits for a lookup. */
    public boolean start() {
        return runBlock(flow.steps(), List.of(), 0);
    }

    /** Continues after the lookup at {@code path} with {@code branch}; true when the flow finished. */
    public boolean resume(List<String> path, Branch branch) {
        FlowDefinition.DataTableLookup lookup = (FlowDefinition.DataTableLookup) stepAt(path);
        String block = switch (branch) {
            case FOUND -> "found";
            case NOT_FOUND -> "notFound";
            case FAILURE -> "failure";
        };
        List<String> blockPath = append(path, block);
        if (!runBlock(blockOf(lookup, block), blockPath, 0)) {
            return false;
        }
        // The branch finished: go on after each enclosing step, innermost first.
        List<String> at = path;
        while (!at.isEmpty()) {
            int index = Integer.parseInt(at.get(at.size() - 1));
            List<String> parentBlock = at.subList(0, at.size() - 1);
            if (!runBlock(block(parentBlock), parentBlock, index + 1)) {
                return false;
            }
            at = parentBlock.isEmpty() ? List.of() : parentBlock.subList(0, parentBlock.size() - 1);
        }
        return true;
    }

    /** The lookup at a path, for the caller that needs its outputs mapping. */
    public FlowDefinition.DataTableLookup lookupAt(List<String> path) {
        return (FlowDefinition.DataTableLookup) stepAt(path);
    }

    private boolean runBlock(List<FlowDefinition.Step> steps, List<String> blockPath, int from) {
        for (int i = from; i < steps.size(); i++) {
            FlowDefinition.Step step = steps.get(i);
            List<String> path = append(blockPath, Integer.toString(i));
            if (step instanceof FlowDefinition.DataTableLookup lookup) {
                effects.lookup(path, lookup.tableId(), render(lookup.key()));
                return false;
            } else if (step instanceof FlowDefinition.ScreenPop pop) {
                Map<String, String> inputs = new java.util.LinkedHashMap<>();
                pop.inputs().forEach((name, template) -> inputs.put(name, render(template)));
                effects.screenPop(pop.scriptId(), pop.inputs(), inputs);
            } else if (step instanceof FlowDefinition.SetParticipantData data) {
                Map<String, String> attributes = new java.util.LinkedHashMap<>();
                data.attributes().forEach((name, template) -> attributes.put(name, render(template)));
                effects.setAttributes(attributes);
            } else if (step instanceof FlowDefinition.TransferToQueue transfer) {
                effects.transfer(transfer.queueId(), transfer.queueName(),
                        Boolean.TRUE.equals(transfer.wrapupRequired()));
            }
        }
        return true;
    }

    private String render(String template) {
        return Template.parse(template).render(values);
    }

    private FlowDefinition.Step stepAt(List<String> path) {
        List<FlowDefinition.Step> steps = block(path.subList(0, path.size() - 1));
        return steps.get(Integer.parseInt(path.get(path.size() - 1)));
    }

    /** The steps of the block at a path of alternating step index and block name ([] is the flow's steps). */
    private List<FlowDefinition.Step> block(List<String> blockPath) {
        List<FlowDefinition.Step> steps = flow.steps();
        for (int i = 0; i < blockPath.size(); i += 2) {
            FlowDefinition.DataTableLookup lookup =
                    (FlowDefinition.DataTableLookup) steps.get(Integer.parseInt(blockPath.get(i)));
            steps = blockOf(lookup, blockPath.get(i + 1));
        }
        return steps;
    }

    private static List<FlowDefinition.Step> blockOf(FlowDefinition.DataTableLookup lookup, String name) {
        return switch (name) {
            case "found" -> lookup.found();
            case "notFound" -> lookup.notFound();
            case "failure" -> lookup.failure();
            default -> throw new IllegalArgumentException("no block '" + name + "' in a lookup");
        };
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> out = new ArrayList<>(path);
        out.add(segment);
        return out;
    }
}
