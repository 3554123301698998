package dev.rapport.script.flows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The branches (nested step lists) of each kind of flow step, by name: a lookup's {@code found}, {@code notFound},
 * {@code failure}; a decision's {@code yes}, {@code no}; a switch's {@code case0}, {@code case1}... and
 * {@code default}; a data action call's {@code success}, {@code failure}, {@code timeout}; a transfer to ACD's
 * {@code failure}; a schedule group's {@code open}, {@code closed}, {@code holiday}. A step's path names them.
 */
final class FlowBlocks {
    private FlowBlocks() {
    }

    /** A step's block by name: the branches of lookups, decisions, switches, data actions, ACD, schedules. */
    static List<FlowDefinition.Step> blockOf(FlowDefinition.Step step, String name) {
        if (step instanceof FlowDefinition.DataTableLookup lookup) {
            switch (name) {
                case "found": return lookup.found();
                case "notFound": return lookup.notFound();
                case "failure": return lookup.failure();
                default: break;
            }
        } else if (step instanceof FlowDefinition.Decision decision) {
            switch (name) {
                case "yes": return decision.yes();
                case "no": return decision.no();
                default: break;
            }
        } else if (step instanceof FlowDefinition.Switch sw) {
            if (name.equals("default")) {
                return sw.otherwise();
            }
            if (name.startsWith("case")) {
                return sw.cases().get(Integer.parseInt(name.substring(4))).steps();
            }
        } else if (step instanceof FlowDefinition.CallDataAction call) {
            switch (name) {
                case "success": return call.success();
                case "failure": return call.failure();
                case "timeout": return call.timeout();
                default: break;
            }
        } else if (step instanceof FlowDefinition.TransferToAcd acd && name.equals("failure")) {
            return acd.failure();
        } else if (step instanceof FlowDefinition.EvaluateScheduleGroup schedule) {
            switch (name) {
                case "open": return schedule.open();
                case "closed": return schedule.closed();
                case "holiday": return schedule.holiday();
                default: break;
            }
        }
        throw new IllegalArgumentException("no block '" + name + "' in a " + step.getClass().getSimpleName());
    }

    /** Every block of a step, by name (empty for a step without any), for walking a flow. */
    static Map<String, List<FlowDefinition.Step>> blocks(FlowDefinition.Step step) {
        Map<String, List<FlowDefinition.Step>> out = new LinkedHashMap<>();
        if (step instanceof FlowDefinition.DataTableLookup lookup) {
            out.put("found", lookup.found());
            out.put("notFound", lookup.notFound());
            out.put("failure", lookup.failure());
        } else if (step instanceof FlowDefinition.Decision decision) {
            out.put("yes", decision.yes());
            out.put("no", decision.no());
        } else if (step instanceof FlowDefinition.Switch sw) {
            for (int c = 0; c < sw.cases().size(); c++) {
                out.put("case" + c, sw.cases().get(c).steps());
            }
            out.put("default", sw.otherwise());
        } else if (step instanceof FlowDefinition.CallDataAction call) {
            out.put("success", call.success());
            out.put("failure", call.failure());
            out.put("timeout", call.timeout());
        } else if (step instanceof FlowDefinition.TransferToAcd acd) {
            out.put("failure", acd.failure());
        } else if (step instanceof FlowDefinition.EvaluateScheduleGroup schedule) {
            out.put("open", schedule.open());
            out.put("closed", schedule.closed());
            out.put("holiday", schedule.holiday());
        }
        return out;
    }
}
