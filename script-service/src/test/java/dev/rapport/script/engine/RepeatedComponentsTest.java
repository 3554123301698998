package dev.rapport.script.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.script.engine.RenderedPage.RenderedComponent;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.CustomAction;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.ScriptVersion;
import dev.rapport.script.model.Step;
import dev.rapport.script.model.Style;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableKind;
import dev.rapport.script.model.VariableType;
import dev.rapport.script.scripts.ScriptFormat;
import dev.rapport.script.validation.Problem;
import dev.rapport.script.validation.ScriptValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A container repeating its children for each item of a list: {{Item}}, {{Item Index}}, the bound, no inputs. */
class RepeatedComponentsTest {
    private final ScriptEngine engine = new ScriptEngine();

    /** A card per service: a horizontal row repeating a card (a title and a link) per item of {@code repeatFor}. */
    private static ScriptDefinition cards(String repeatFor, List<Component> extraInCard) {
        List<Component> card = new ArrayList<>(List.of(
                new Component.Text("title", null, "{{Item Index}}. {{Item}} for {{Customer}}", true, null),
                new Component.Link("more",
                        new Style(null, null, null, null, null, "not equalText({{Item}}, 'Hidden')", null),
                        "About {{Item}}", "https://kb.example.com/{{Item}}")));
        card.addAll(extraInCard);
        Component root = new Component.VerticalContainer("root", null, null, List.of(
                new Component.Text("before", null, "Services of {{Customer}}", null, null),
                new Component.HorizontalContainer("cards", null, null, repeatFor, List.of(
                        new Component.VerticalContainer("card", null, null, card))),
                new Component.TextInput("note", null, "Note", null, false, null, null)));
        return new ScriptDefinition("Cards", null, null, "start",
                List.of(new Page("start", "Start", null, root)),
                List.of(new Variable("Customer", null, VariableType.STRING, VariableKind.BASIC, true, false, null, null),
                        new Variable("Services", null, VariableType.STRING, VariableKind.BASIC, true, false, null, null),
                        new Variable("Service List", null, VariableType.STRING, VariableKind.DYNAMIC, false, false,
                                null, "split({{Services}}, \"|\")"),
                        new Variable("Many", null, VariableType.STRING, VariableKind.LIST, true, false, null, null),
                        Variable.basic("Note", VariableType.STRING), Variable.basic("Chosen", VariableType.STRING)),
                List.of(new CustomAction("Choose", null, List.of(new Step.Alert("chosen")))), null);
    }

    private RenderedComponent render(ScriptDefinition script, Map<String, ?> inputs) {
        SessionModel session = engine.open(new ScriptVersion("s", 1, script), inputs, Builtins.NONE);
        return engine.render(session, "start").root();
    }

    private static RenderedComponent child(RenderedComponent c, String id) {
        return c.children().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aDynamicListFromSplitShowsOneCardPerService() {
        RenderedComponent root = render(cards("Service List", List.of()),
                Map.of("Customer", "Ada", "Services", "Insurance|Childcare"));
        RenderedComponent cards = child(root, "cards");
        assertThat(cards.children()).extracting(RenderedComponent::id).containsExactly("card#1", "card#2");
        RenderedComponent second = cards.children().get(1);
        assertThat(second.children()).extracting(RenderedComponent::id).containsExactly("title#2", "more#2");
        assertThat(second.children().get(0).text()).isEqualTo("2. Childcare for Ada");
        assertThat(second.children().get(1).text()).isEqualTo("About Childcare");
        assertThat(second.children().get(1).source()).isEqualTo("https://kb.example.com/Childcare");
        assertThat(cards.children().get(0).children().get(0).text()).isEqualTo("1. Insurance for Ada");
        // outside the repeat, {{Item}} means nothing: the page around it renders as before
        assertThat(child(root, "before").text()).isEqualTo("Services of Ada");
    }

    @Test
    void oneItemShowsOneCard() {
        RenderedComponent cards = child(render(cards("Many", List.of()), Map.of("Many", List.of("Pensions"))), "cards");
        assertThat(cards.children()).hasSize(1);
        assertThat(cards.children().get(0).children().get(0).text()).isEqualTo("1. Pensions for ");
    }

    @Test
    void anEmptyListShowsNoCardAndNoNote() {
        assertThat(child(render(cards("Many", List.of()), Map.of()), "cards").children()).isEmpty();
        // a dynamic list of an empty text: split gives one empty item or none, never an error on the page
        RenderedComponent fromEmpty = child(render(cards("Service List", List.of()), Map.of("Services", "")), "cards");
        assertThat(fromEmpty.children()).allSatisfy(card -> assertThat(card.id()).startsWith("card#"));
    }

    @Test
    void conditionsOfRepeatedComponentsReadTheItem() {
        RenderedComponent cards = child(render(cards("Many", List.of()), Map.of("Many", List.of("Shown", "Hidden"))),
                "cards");
        assertThat(cards.children().get(0).children().get(1).visible()).isTrue();
        assertThat(cards.children().get(1).children().get(1).visible()).isFalse();
    }

    @Test
    void pastTheBoundThePageSaysHowManyAreNotShown() {
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            many.add("S" + i);
        }
        RenderedComponent cards = child(render(cards("Many", List.of()), Map.of("Many", many)), "cards");
        assertThat(cards.children()).hasSize(PageRenderer.MAX_REPETITIONS + 1);
        assertThat(cards.children().get(99).id()).isEqualTo("card#100");
        assertThat(cards.children().get(99).children().get(0).text()).isEqualTo("100. S100 for ");
        RenderedComponent note = cards.children().get(100);
        assertThat(note.type()).isEqualTo("text");
        assertThat(note.text()).isEqualTo("Showing the first 100 of 250 items of Many.");

        List<String> exactly = many.subList(0, 100);
        RenderedComponent full = child(render(cards("Many", List.of()), Map.of("Many", exactly)), "cards");
        assertThat(full.children()).hasSize(100).noneMatch(c -> c.type().equals("text"));
    }

    @Test
    void inputsAndButtonsInsideARepeatAreRefusedAtPublishShownDisabledAndNotOffered() {
        ScriptDefinition script = cards("Many", List.of(
                new Component.TextInput("chosen", null, "Chosen", null, false, null, null),
                new Component.Button("choose", null, "Choose {{Item}}", "Choose")));
        assertThat(ScriptValidator.validate(script)).extracting(Problem::code)
                .containsExactlyInAnyOrder("repeat.input", "repeat.input");
        assertThat(ScriptValidator.validate(script)).extracting(Problem::where)
                .anySatisfy(w -> assertThat(w).contains("chosen"))
                .anySatisfy(w -> assertThat(w).contains("choose"));

        // a draft is still previewed and a session could hold an old version: the engine refuses them all the same
        SessionModel session = engine.open(new ScriptVersion("s", 1, script), Map.of("Many", List.of("A", "B")),
                Builtins.NONE);
        RenderedComponent card = child(engine.render(session, "start").root(), "cards").children().get(1);
        assertThat(card.children()).filteredOn(c -> c.id().startsWith("chosen") || c.id().startsWith("choose"))
                .hasSize(2).allSatisfy(c -> assertThat(c.enabled()).isFalse());
        assertThat(card.children()).filteredOn(c -> c.id().equals("choose#2")).singleElement()
                .extracting(RenderedComponent::text).isEqualTo("Choose B");
        assertThatThrownBy(() -> PageAccess.requireSettable(session, "Chosen"))
                .isInstanceOf(ScriptEngineException.class);
        assertThatThrownBy(() -> PageAccess.requireClickable(session, "choose"))
                .isInstanceOf(ScriptEngineException.class);
        assertThatThrownBy(() -> PageAccess.requireClickable(session, "choose#2"))
                .isInstanceOf(ScriptEngineException.class);
        // the input outside the repeat is still the agent's
        PageAccess.requireSettable(session, "Note");
    }

    @Test
    void publishingChecksTheRepeatAndKnowsTheItemNamesOnlyInsideIt() {
        assertThat(ScriptValidator.validate(cards("Service List", List.of()))).isEmpty();
        assertThat(ScriptValidator.validate(cards("Note", List.of()))).extracting(Problem::code)
                .containsExactly("type.mismatch");
        assertThat(ScriptValidator.validate(cards("Nothing", List.of()))).extracting(Problem::code)
                .containsExactly("unknown.variable");
        ScriptDefinition nested = cards("Many", List.of(
                new Component.VerticalContainer("inner", null, null, "Many", List.of())));
        assertThat(ScriptValidator.validate(nested)).extracting(Problem::code).containsExactly("repeat.nested");

        ScriptDefinition outside = new ScriptDefinition("Outside", null, null, "start", List.of(new Page("start",
                "Start", null, new Component.VerticalContainer("root", null, null, List.of(
                        new Component.Text("t", null, "{{Item}}", null, null))))), List.of(), List.of(), null);
        assertThat(ScriptValidator.validate(outside)).extracting(Problem::code).containsExactly("unknown.variable");
    }

    @Test
    void theRepeatSurvivesTheScriptFormat() {
        ScriptDefinition script = cards("Service List", List.of());
        String json = ScriptFormat.write(script);
        assertThat(json).contains("\"repeatFor\":\"Service List\"");
        ScriptDefinition back = ScriptFormat.read(ScriptFormat.tree(script));
        assertThat(back).isEqualTo(script);
    }
}
