package dev.rapport.script;

import dev.rapport.script.model.Component;
import dev.rapport.script.model.CustomAction;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.Step;
import dev.rapport.script.model.Style;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableKind;
import dev.rapport.script.model.VariableType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The "Architect Workshop" script of ARCHITECTURE.md, as the model; tests send it through the API as JSON. */
public final class WorkshopScript {
    public static final String DATA_ACTION_ID = "2f6b4f0e-5a8e-4c1b-9d57-0b6f3c1d2e4a";
    public static final String GREETING = "Hi {{CustomerName}}, thanks for calling Health Client Services. "
            + "My name is {{Scripter.Agent Name}}, how can I help you today?";

    private WorkshopScript() {
    }

    public static ScriptDefinition definition() {
        List<Variable> variables = new ArrayList<>();
        for (String input : List.of("ANI", "CustomerName", "Services", "EmbeddedMap", "KBURL", "DataTableID")) {
            variables.add(new Variable(input, null, VariableType.STRING, VariableKind.BASIC, true, false, null, null));
        }
        variables.add(Variable.basic("CaseStatus", VariableType.STRING));
        variables.add(Variable.basic("successresponse", VariableType.STRING));
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("ANI", "{{ANI}}");
        inputs.put("CaseStatus", "{{CaseStatus}}");
        inputs.put("DataTableID", "{{DataTableID}}");
        CustomAction updateCase = new CustomAction("Update Case", "Writes the case status to the data table", List.of(
                new Step.ExecuteDataAction(DATA_ACTION_ID, inputs, Map.of("successresponse", "successresponse"), null, null),
                new Step.IfElse("successresponse", Step.Operator.equal, Step.Operand.text("Case Updated Successfully"),
                        List.of(new Step.Alert("Case Updated Successfully")),
                        List.of(new Step.Alert("Failed to Update Case")))));
        Component root = new Component.VerticalContainer("root", null, Component.Arrangement.start, List.of(
                new Component.Text("greeting", null, GREETING, true, null),
                new Component.HorizontalContainer("pages", new Style("stretch", "400px", 5, null, null, null, null),
                        Component.Arrangement.center, List.of(
                        new Component.HorizontalContainer("map-box", null, null,
                                List.of(new Component.WebPage("map", null, "{{EmbeddedMap}}"))),
                        new Component.HorizontalContainer("kb-box", null, null,
                                List.of(new Component.WebPage("kb", null, "{{KBURL}}"))))),
                new Component.TextInput("case-status", null, "CaseStatus", "Enter Case Status", false, null, null),
                new Component.Button("submit", null, "Submit", "Update Case")));
        return new ScriptDefinition("Architect Workshop", "Meaningful Interactions Part 1",
                new ScriptDefinition.Features(true, false, true), "start",
                List.of(new Page("start", "Start Page", null, root)), variables, List.of(updateCase), null);
    }

    public static Map<String, Object> sampleInputs() {
        return Map.of("ANI", "7204276664", "CustomerName", "Jane Doe", "Services", "Insurance|Childcare",
                "EmbeddedMap", "https://www.google.com/maps/embed?pb=!1m18", "KBURL", "https://help.example.com/kb",
                "DataTableID", "c2f2e3a4-0000-4000-8000-000000000001");
    }
}
