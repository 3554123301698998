package dev.rapport.script.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.script.model.Component;
import dev.rapport.script.model.CustomAction;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.ScriptVersion;
import dev.rapport.script.model.Step;
import dev.rapport.script.model.Style;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The script driver accepts from an agent only what the page in front of them offers. */
class ScriptDriverTest {
    private final ScriptEngine engine = new ScriptEngine();
    private final ScriptDriver driver = new ScriptDriver(engine);

    private static ScriptDefinition script() {
        Style hidden = new Style(null, null, null, null, null, "false", null);
        Style broken = new Style(null, null, null, null, null, "{{Missing}} == 1", null);
        Style disabled = new Style(null, null, null, null, null, null, "false");
        Component first = new Component.VerticalContainer("root1", null, null, List.of(
                new Component.TextInput("typed", null, "Typed", null, false, null, null),
                new Component.TextInput("secret-input", hidden, "Secret", null, false, null, null),
                new Component.TextInput("locked-input", disabled, "Locked", null, false, null, null),
                new Component.VerticalContainer("hidden-box", hidden, null, List.of(
                        new Component.Button("inside-hidden", null, "Inside", "Alert"))),
                new Component.Button("broken", broken, "Broken", "Alert"),
                new Component.Button("next", null, "Next", "To second")));
        Component second = new Component.VerticalContainer("root2", null, null, List.of(
                new Component.Button("second-button", null, "Second", "Alert")));
        Component third = new Component.VerticalContainer("root3", null, null, List.of());
        List<Variable> variables = List.of(Variable.basic("Typed", VariableType.STRING),
                Variable.basic("Secret", VariableType.STRING), Variable.basic("Locked", VariableType.STRING),
                new Variable("Hidden Input", null, VariableType.STRING, dev.rapport.script.model.VariableKind.BASIC,
                        true, false, null, null));
        List<CustomAction> actions = List.of(
                new CustomAction("Alert", null, List.of(new Step.Alert("done"))),
                new CustomAction("To second", null, List.of(new Step.ChangePage("p2"))));
        return new ScriptDefinition("Rules", null, null, "p1", List.of(new Page("p1", "First", null, first),
                new Page("p2", "Second", null, second), new Page("p3", "Third", null, third)), variables, actions, null);
    }

    private SessionModel open() {
        return engine.open(new ScriptVersion("s", 1, script()), Map.of(), Builtins.NONE);
    }

    private static String refusal(List<ScriptDriver.Effect> effects) {
        return effects.stream().filter(e -> e instanceof ScriptDriver.Effect.Refused)
                .map(e -> ((ScriptDriver.Effect.Refused) e).reason()).findFirst().orElse(null);
    }

    @Test
    void aVariableIsSetOnlyThroughAVisibleEnabledInputOfThePageShown() {
        SessionModel s = open();
        assertThat(refusal(driver.command(s, new ScriptDriver.Command.SetVariable("Typed", "ok")))).isNull();
        assertThat(s.value("Typed")).isEqualTo("ok");
        for (String variable : List.of("Secret", "Locked", "Hidden Input", "Unknown")) {
            assertThat(refusal(driver.command(s, new ScriptDriver.Command.SetVariable(variable, "forged"))))
                    .as(variable).contains("not an input of the page shown");
        }
        assertThat(s.value("Secret")).isEqualTo("");
        assertThat(s.value("Hidden Input")).isEqualTo("");
    }

    @Test
    void onlyVisibleButtonsOfThePageShownCanBeClicked() {
        SessionModel s = open();
        for (String component : List.of("inside-hidden", "Inside", "second-button", "Second", "broken")) {
            assertThat(refusal(driver.command(s, new ScriptDriver.Command.Click(component)))).as(component)
                    .contains("is not a button of the page shown");
        }
        List<ScriptDriver.Effect> next = driver.command(s, new ScriptDriver.Command.Click("Next"));
        assertThat(refusal(next)).isNull();
        assertThat(s.currentPageId()).isEqualTo("p2");
        assertThat(refusal(driver.command(s, new ScriptDriver.Command.Click("second-button")))).isNull();
    }

    @Test
    void aConditionThatFailsToEvaluateHides() {
        SessionModel s = open();
        assertThat(s.isVisible("broken")).isFalse();
    }

    @Test
    void onlyPagesAButtonOfThePageShownLeadsToCanBeOpened() {
        SessionModel s = open();
        assertThat(refusal(driver.command(s, new ScriptDriver.Command.ChangePage("p3"))))
                .contains("cannot be reached");
        assertThat(refusal(driver.command(s, new ScriptDriver.Command.ChangePage("Second")))).isNull();
        assertThat(s.currentPageId()).isEqualTo("p2");
        assertThat(refusal(driver.command(s, new ScriptDriver.Command.ChangePage("p1"))))
                .as("no button of the second page leads back").contains("cannot be reached");
    }

    @Test
    void onlyAbsoluteHttpAddressesReachThePage() {
        Component root = new Component.VerticalContainer("root", null, null, List.of(
                new Component.Link("script", null, "x", "javascript:alert(document.cookie)"),
                new Component.Image("relative", null, "/oauth/token", "x"),
                new Component.WebPage("protocol-relative", null, "//evil.example/login"),
                new Component.WebPage("data", null, "data:text/html,<form>"),
                new Component.WebPage("good", null, "https://kb.example/{{Typed}}")));
        var definition = new ScriptDefinition("Urls", null, null, "p", List.of(new Page("p", "P", null, root)),
                List.of(Variable.basic("Typed", VariableType.STRING)), List.of(), null);
        SessionModel s = engine.open(new ScriptVersion("u", 1, definition), Map.of(), Builtins.NONE);
        var page = engine.render(s, "p").root().children();
        assertThat(page).extracting(RenderedPage.RenderedComponent::source)
                .containsExactly(null, null, null, null, "https://kb.example/");
    }

    @Test
    void aValueLargerThanTheBoundIsRefusedAndNothingChanges() {
        SessionModel s = open();
        String huge = "x".repeat(Values.MAX_TEXT + 1);
        assertThat(refusal(driver.command(s, new ScriptDriver.Command.SetVariable("Typed", huge))))
                .contains("too long");
        assertThat(s.value("Typed")).isEqualTo("");
    }
}
