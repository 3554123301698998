package dev.rapport.script.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.script.WorkshopScript;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.CustomAction;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.Step;
import dev.rapport.script.model.Style;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableKind;
import dev.rapport.script.model.VariableType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptValidatorTest {

    @Test
    void theWorkshopScriptIsValid() {
        assertThat(ScriptValidator.validate(WorkshopScript.definition())).isEmpty();
    }

    @Test
    void eachProblemSaysWhereItIs() {
        List<Variable> variables = List.of(
                Variable.basic("Name", VariableType.STRING), Variable.basic("Flag", VariableType.BOOLEAN),
                new Variable("A", null, VariableType.NUMBER, VariableKind.DYNAMIC, false, false, null, "{{B}} + 1"),
                new Variable("B", null, VariableType.NUMBER, VariableKind.DYNAMIC, false, false, null, "{{A}} * 2"),
                new Variable("Text Result", null, VariableType.NUMBER, VariableKind.DYNAMIC, false, false, null, "upper({{Name}})"),
                new Variable("Broken", null, VariableType.NUMBER, VariableKind.DYNAMIC, false, false, null, "1 +"),
                new Variable("Is Set", null, VariableType.NUMBER, VariableKind.DYNAMIC, false, false, null,
                        "isSet({{Name}})"),
                new Variable("Pieces", null, VariableType.STRING, VariableKind.DYNAMIC, false, false, null,
                        "count(split({{Name}}, \",\"))"));
        Component root = new Component.VerticalContainer("root", null, null, List.of(
                new Component.Text("t", new Style(null, null, null, "red", null, "{{Ghost}}", null), "Hi {{Nobody}}", null, null),
                new Component.Checkbox("cb", null, "Name", "x", null),
                new Component.TextInput("in", null, "Name", null, false, "(a)\\1", null),
                new Component.Button("b", null, "Go", "Missing Action")));
        CustomAction action = new CustomAction("Act", null, List.of(
                new Step.ExecuteDataAction("not an id!", Map.of("x", "{{Ghost}}"), Map.of("out", "Nowhere"), null, null),
                new Step.ChangePage("nope")));
        ScriptDefinition d = new ScriptDefinition("Bad", null, null, "start", List.of(new Page("start", "Start", null, root),
                new Page("orphan", "Orphan", null, new Component.VerticalContainer("r2", null, null, List.of()))),
                variables, List.of(action), null);

        List<Problem> problems = ScriptValidator.validate(d);

        assertThat(problems).extracting(p -> p.code() + " @ " + p.where()).contains(
                "cycle @ variables/A/expression",
                "type.mismatch @ variables/Text Result/expression",
                "invalid.expression @ variables/Broken/expression",
                "type.mismatch @ variables/Is Set/expression",
                "type.mismatch @ variables/Pieces/expression",
                "unknown.variable @ pages/Start/verticalContainer root/text t/visible",
                "invalid.colour @ pages/Start/verticalContainer root/text t/backgroundColor",
                "unknown.variable @ pages/Start/verticalContainer root/text t/text",
                "type.mismatch @ pages/Start/verticalContainer root/checkbox cb/variable",
                "invalid.pattern @ pages/Start/verticalContainer root/textInput in/pattern",
                "unknown.action @ pages/Start/verticalContainer root/button b/action",
                "invalid.data.action @ customActions/Act/1/dataActionId",
                "unknown.variable @ customActions/Act/1/inputs/x",
                "unknown.variable @ customActions/Act/1/outputs/out",
                "unknown.page @ customActions/Act/2/pageId",
                "unreachable.page @ pages/Orphan");
        assertThat(problems).filteredOn(p -> p.code().equals("cycle")).first()
                .extracting(Problem::message).asString().contains("A -> B -> A");
    }

    @Test
    void interactionActionsAreCheckedBeforeTheScriptRuns() {
        Component root = new Component.VerticalContainer("root", null, null, List.of(
                new Component.TextInput("n", null, "Number", null, false, null, null)));
        CustomAction action = new CustomAction("Act", null, List.of(
                new Step.Transfer(null, null, " "),
                new Step.Transfer(Step.TransferMode.blind, Step.TargetType.number, "not a number"),
                new Step.Transfer(Step.TransferMode.consult, Step.TargetType.queue, "{{Ghost Queue}}"),
                new Step.ScheduleCallback("{{Number}}", ""),
                new Step.ScheduleCallback("555-0100", "{{When}}"),
                new Step.InfoBanner("Hello {{Nobody}}", "loud"),
                new Step.Delay(0),
                new Step.Disconnect()));
        ScriptDefinition d = new ScriptDefinition("Acts", null, null, "start",
                List.of(new Page("start", "Start", null, root)), List.of(Variable.basic("Number", VariableType.STRING)),
                List.of(action), null);

        List<Problem> problems = ScriptValidator.validate(d);

        assertThat(problems).extracting(p -> p.code() + " @ " + p.where()).containsExactlyInAnyOrder(
                "missing.value @ customActions/Act/1/mode",
                "missing.value @ customActions/Act/1/targetType",
                "missing.value @ customActions/Act/1/target",
                "invalid.value @ customActions/Act/2/target",
                "unknown.variable @ customActions/Act/3/target",
                "missing.value @ customActions/Act/4/time",
                "unknown.variable @ customActions/Act/5/time",
                "unknown.variable @ customActions/Act/6/message",
                "invalid.value @ customActions/Act/6/level",
                "invalid.value @ customActions/Act/7/seconds");
    }
}
