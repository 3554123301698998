package dev.rapport.script.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.script.model.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Genesys action blocks to Rapport steps: bridge (data action), if, set variable, alert, open URL, change page. */
final class GenesysStepConverter {
    private final GenesysScriptConverter c;

    GenesysStepConverter(GenesysScriptConverter converter) {
        this.c = converter;
    }

    List<Step> block(String where, JsonNode block) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode node : block) {
            Step step = step(where, node);
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    private Step step(String where, JsonNode node) {
        if ("if".equals(node.path("type").asText())) {
            JsonNode cond = node.path("condition");
            Step.Operator op;
            try {
                op = Step.Operator.valueOf(cond.path("operator").asText());
            } catch (IllegalArgumentException e) {
                c.note(where + ": if operator '" + cond.path("operator").asText() + "'");
                return null;
            }
            return new Step.IfElse(c.variableRef(cond.path("leftHandSide")), op, operand(cond.path("rightHandSide")),
                    block(where, node.path("ifBlock")), block(where, node.path("elseBlock")));
        }
        String action = node.path("actionName").asText();
        JsonNode args = node.path("actionArgumentValues");
        switch (action) {
            case "bridge.bridge" -> {
                return bridge(args.path(0).path("value"));
            }
            case "scripter.setVariable" -> {
                JsonNode v = args.path(0).path("value");
                return new Step.SetVariable(c.variableRef(v.path("variable")), operand(v.path("valueOfVariableProperty")));
            }
            case "scripter.alert" -> {
                return new Step.Alert(c.text(args.path(0).path("value").asText("")));
            }
            case "scripter.webPage" -> {
                return new Step.OpenUrl(c.text(args.path(0).path("value").asText("")));
            }
            case "scripter.changePage" -> {
                return new Step.ChangePage(args.path(0).path("value").asText());
            }
            default -> {
                if (c.actionNames.containsKey(action)) {
                    return new Step.RunCustomAction(c.actionNames.get(action));
                }
                c.note(where + ": action '" + action + "'");
                return null;
            }
        }
    }

    private Step bridge(JsonNode v) {
        Map<String, String> inputs = new LinkedHashMap<>();
        v.path("inputProperty").path("value").path("fieldProperties").fields().forEachRemaining(e -> {
            JsonNode field = e.getValue();
            String text = "variable".equals(field.path("typeName").asText())
                    ? "{{" + c.variableRef(field) + "}}" : c.text(field.path("value").asText(""));
            inputs.put(e.getKey(), text);
        });
        Map<String, String> outputs = new LinkedHashMap<>();
        v.path("successProperty").path("value").path("fieldProperties").fields().forEachRemaining(e -> {
            if (e.getValue().has("value")) {
                outputs.put(e.getKey(), c.variableRef(e.getValue()));
            }
        });
        return new Step.ExecuteDataAction(v.path("actionName").asText(), inputs, outputs, List.of(), List.of());
    }

    private Step.Operand operand(JsonNode property) {
        String typeName = property.path("typeName").asText();
        JsonNode value = property.path("value");
        return switch (typeName) {
            case "variable" -> new Step.Operand(Step.Operand.Kind.variable, c.variableRef(property));
            case "interpolatedText", "text" -> Step.Operand.text(c.text(value.asText("")));
            default -> new Step.Operand(Step.Operand.Kind.expression, value.isTextual()
                    ? "\"" + value.asText().replace("\"", "\\\"") + "\"" : value.toString());
        };
    }
}
