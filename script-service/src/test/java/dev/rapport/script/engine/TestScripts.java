package dev.rapport.script.engine;

import dev.rapport.script.model.Component;
import dev.rapport.script.model.CustomAction;
import dev.rapport.script.model.Option;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.Step;
import dev.rapport.script.model.Step.Operand;
import dev.rapport.script.model.Style;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableKind;
import dev.rapport.script.model.VariableType;
import java.util.List;
import java.util.Map;

/** A script with every component, step and variable kind, for engine and validation tests. */
final class TestScripts {
    private TestScripts() {
    }

    static Variable input(String name, VariableType type) {
        return new Variable(name, null, type, VariableKind.BASIC, true, false, null, null);
    }

    static Variable dynamic(String name, VariableType type, String expression) {
        return new Variable(name, null, type, VariableKind.DYNAMIC, false, false, null, expression);
    }

    static Variable list(String name, VariableType type, List<Object> items) {
        return new Variable(name, null, type, VariableKind.LIST, false, false, items, null);
    }

    static Style visibleWhen(String expression) {
        return new Style(null, null, null, null, null, expression, null);
    }

    static ScriptDefinition everything() {
        List<Variable> variables = List.of(
                input("First", VariableType.STRING), input("Last", VariableType.STRING), input("Age", VariableType.NUMBER),
                input("VIP", VariableType.BOOLEAN),
                dynamic("Full Name", VariableType.STRING, "concat({{First}}, ' ', {{Last}})"),
                dynamic("Adult", VariableType.BOOLEAN, "{{Age}} >= 18"),
                dynamic("Label", VariableType.STRING, "ifElse({{Adult}}, concat('Adult: ', {{Full Name}}), 'Minor')"),
                dynamic("Unrelated", VariableType.NUMBER, "x = 20; x + 1"),
                list("Items", VariableType.STRING, List.of("a", "b")), list("Prices", VariableType.NUMBER, List.of(1.5, 2)),
                new Variable("Colour", null, VariableType.STRING, VariableKind.BASIC, false, false, "#00ff00", null),
                Variable.basic("Count", VariableType.NUMBER), Variable.basic("Agreed", VariableType.BOOLEAN),
                Variable.basic("Choice", VariableType.STRING), Variable.basic("When", VariableType.STRING),
                Variable.basic("Notes", VariableType.STRING), Variable.basic("Result", VariableType.STRING),
                Variable.basic("Code", VariableType.STRING));
        Component root = new Component.VerticalContainer("root", null, Component.Arrangement.start, List.of(
                new Component.Text("hello", new Style("auto", null, 4, "{{Colour}}", "#000000", null, null),
                        "Hello {{Full Name}} ({{Label}}), agent {{Scripter.Agent Name}}", true, false),
                new Component.HorizontalContainer("row", visibleWhen("{{VIP}}"), Component.Arrangement.end, List.of(
                        new Component.WebPage("web", null, "https://crm.example.com/{{Last}}"),
                        new Component.Image("img", visibleWhen("{{Adult}}"), "https://img.example.com/{{First}}.png", "{{First}}"),
                        new Component.Link("link", null, "Open {{First}}", "https://example.com/?q={{First}}"))),
                new Component.TextInput("code", null, "Code", "Code", true, "[A-Z]{3}", null),
                new Component.NumberInput("count", null, "Count", false, 0.0, 10.0, null),
                new Component.DateInput("when", null, "When", false, true, null),
                new Component.MultiLineInput("notes", null, "Notes", "Notes", false, null),
                new Component.Checkbox("agreed", null, "Agreed", "I agree", "Agreed Changed"),
                new Component.RadioGroup("radio", null, "Choice", List.of(new Option("y", "Yes"), new Option("n", "No")),
                        null, null, false, null),
                new Component.Dropdown("dropdown", null, "Choice", "Pick", null, "Items", null, false, null),
                new Component.Button("all", null, "Run all", "All Steps"),
                new Component.Button("disabled", new Style(null, null, null, null, null, null, "not {{Adult}}"), "Only minors", "All Steps"),
                new Component.ListView("table", null, List.of("Items", "Prices"), List.of("Item", "Price"))));
        List<CustomAction> actions = List.of(
                new CustomAction("All Steps", null, List.of(
                        new Step.SetVariable("Count", new Operand(Operand.Kind.expression, "{{Age}} / 8")),
                        new Step.AddToList("Items", Operand.text("{{First}}")),
                        new Step.RemoveFromList("Items", Operand.text("a")),
                        new Step.OpenUrl("https://crm.example.com/{{Last}}"),
                        new Step.RunCustomAction("Inner"),
                        new Step.TryOnError(List.of(new Step.SetVariable("Count", new Operand(Operand.Kind.expression, "1 +")),
                                new Step.Alert("not reached")), List.of(new Step.Alert("recovered"))),
                        new Step.ChangePage("second"),
                        new Step.Alert("done on {{Result}}"))),
                new CustomAction("Inner", null, List.of(new Step.SetVariable("Result", new Operand(Operand.Kind.variable, "Full Name")))),
                new CustomAction("On Second", null, List.of(new Step.Alert("second page loaded"))),
                new CustomAction("Agreed Changed", null, List.of(new Step.Alert("agreed is {{Agreed}}"))),
                new CustomAction("Fetch", null, List.of(new Step.ExecuteDataAction("lookup", Map.of("q", "{{First}}"),
                        Map.of("name", "Result"), List.of(new Step.Alert("found {{Result}}")), List.of(new Step.Alert("lookup failed"))))),
                new CustomAction("Try Fetch", null, List.of(new Step.TryOnError(List.of(
                        new Step.ExecuteDataAction("lookup", Map.of(), Map.of(), null, null), new Step.Alert("not reached")),
                        List.of(new Step.Alert("recovered from data action"))), new Step.Alert("after try"))),
                new CustomAction("Loop", null, List.of(new Step.RunCustomAction("Loop"))));
        Page second = new Page("second", "Second", "On Second",
                new Component.VerticalContainer("root2", null, null, List.of(new Component.Text("t2", null, "Page two", null, null))));
        return new ScriptDefinition("Everything", null, null, "start",
                List.of(new Page("start", "Start", null, root), second), variables, actions, null);
    }
}
