package dev.rapport.script.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.script.engine.RenderedPage.RenderedComponent;
import dev.rapport.script.engine.RunResult.Effect;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.ScriptVersion;
import dev.rapport.script.model.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptEngineTest {
    private final ScriptEngine engine = new ScriptEngine();
    private final CompiledScript script = new CompiledScript(new ScriptVersion("s", 1, TestScripts.everything()));

    private SessionModel open() {
        return engine.open(script, Map.of("First", "Ada", "Last", "Lovelace", "Age", 36, "VIP", true),
                new Builtins(Map.of("Scripter.Agent Name", "Sam")));
    }

    private static RenderedComponent find(RenderedComponent c, String id) {
        if (c.id().equals(id)) {
            return c;
        }
        for (RenderedComponent child : c.children() == null ? List.<RenderedComponent>of() : c.children()) {
            RenderedComponent found = find(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void everyComponentRendersWithResolvedTextValuesAndOptions() {
        SessionModel session = open();
        RenderedComponent root = engine.render(session, "start").root();
        assertThat(find(root, "hello").text()).isEqualTo("Hello Ada Lovelace (Adult: Ada Lovelace), agent Sam");
        assertThat(find(root, "hello").style().backgroundColor()).isEqualTo("#00ff00");
        assertThat(find(root, "row").style().childArrangement()).isEqualTo("end");
        assertThat(find(root, "web").source()).isEqualTo("https://crm.example.com/Lovelace");
        assertThat(find(root, "img").source()).isEqualTo("https://img.example.com/Ada.png");
        assertThat(find(root, "link").text()).isEqualTo("Open Ada");
        assertThat(find(root, "link").source()).isEqualTo("https://example.com/?q=Ada");
        assertThat(find(root, "code").valid()).isFalse();
        assertThat(find(root, "count").value()).isEqualTo(0.0);
        assertThat(find(root, "when").type()).isEqualTo("dateInput");
        assertThat(find(root, "notes").type()).isEqualTo("multiLineInput");
        assertThat(find(root, "agreed").text()).isEqualTo("I agree");
        assertThat(find(root, "radio").options()).extracting(RenderedPage.Choice::label).containsExactly("Yes", "No");
        assertThat(find(root, "dropdown").options()).extracting(RenderedPage.Choice::value).containsExactly("a", "b");
        assertThat(find(root, "all").action()).isEqualTo("All Steps");
        assertThat(find(root, "disabled").enabled()).isFalse();
        assertThat(find(root, "table").headers()).containsExactly("Item", "Price");
        assertThat(find(root, "table").rows()).containsExactly(List.of("a", "1.5"), List.of("b", "2"));
        assertThat(engine.render(session, "start").invalid()).isTrue();
        assertThat(session.resolve("Scripter.Page Is Invalid")).isEqualTo(true);
    }

    @Test
    void changingAVariableRecomputesExactlyItsDependents() {
        SessionModel session = open();
        var age = engine.setVariable(session, "Age", 12);
        assertThat(age.variables()).containsExactly("Adult", "Label");
        assertThat(age.components()).containsExactlyInAnyOrder("img", "disabled");
        assertThat(session.value("Label")).isEqualTo("Minor");
        assertThat(session.isVisible("img")).isFalse();
        assertThat(session.isEnabled("disabled")).isTrue();

        var first = engine.setVariable(session, "First", "Grace");
        assertThat(first.variables()).containsExactly("Full Name", "Label");
        assertThat(first.components()).isEmpty();

        var vip = engine.setVariable(session, "VIP", false);
        assertThat(vip.variables()).isEmpty();
        assertThat(vip.components()).containsExactly("row");
        assertThat(session.isVisible("row")).isFalse();
        assertThat(session.value("Unrelated")).isEqualTo(21.0);
    }

    @Test
    void inputsMustBeDeclaredInputsOfTheRightType() {
        assertThatThrownBy(() -> engine.open(script, Map.of("Result", "x"), Builtins.NONE)).hasMessageContaining("not an input");
        assertThatThrownBy(() -> engine.open(script, Map.of("Age", "old"), Builtins.NONE)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> engine.setVariable(open(), "Label", "x")).hasMessageContaining("dynamic");
    }

    @Test
    void everyStepRunsInOrder() {
        SessionModel session = open();
        RunResult run = engine.click(session, "all");
        assertThat(run.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(session.value("Count")).isEqualTo(4.5);
        assertThat(session.value("Items")).isEqualTo(List.of("b", "Ada"));
        assertThat(session.value("Result")).isEqualTo("Ada Lovelace");
        assertThat(session.currentPageId()).isEqualTo("second");
        assertThat(run.effects()).containsExactly(new Effect.OpenUrl("https://crm.example.com/Lovelace"),
                new Effect.Alert("recovered"), new Effect.PageChanged("second"), new Effect.Alert("second page loaded"),
                new Effect.Alert("done on Ada Lovelace"));
        assertThat(run.steps()).extracting(RunResult.StepRecord::type).containsExactly("setVariable", "addToList",
                "removeFromList", "openUrl", "runCustomAction", "setVariable", "tryOnError", "error",
                "alert", "changePage", "alert", "alert");
    }

    @Test
    void aChangeActionRunsFromAnInput() {
        SessionModel session = open();
        engine.setVariable(session, "Agreed", true);
        assertThat(engine.click(session, "agreed").effects()).containsExactly(new Effect.Alert("agreed is true"));
    }

    @Test
    void disabledOrHiddenComponentsCannotBeClicked() {
        assertThatThrownBy(() -> engine.click(open(), "disabled")).hasMessageContaining("hidden or disabled");
        assertThatThrownBy(() -> engine.click(open(), "nope")).hasMessageContaining("unknown component");
    }

    @Test
    void dataActionSuccessAndFailurePaths() {
        SessionModel session = open();
        RunResult waiting = engine.run(session, "Fetch");
        assertThat(waiting.pending().inputs()).containsEntry("q", "Ada");
        RunResult ok = engine.resume(session, waiting.runId(), ActionOutcome.success(Map.of("name", "Found Ada")));
        assertThat(ok.effects()).containsExactly(new Effect.Alert("found Found Ada"));

        RunResult again = engine.run(session, "Fetch");
        RunResult failed = engine.resume(session, again.runId(), ActionOutcome.failure("timeout"));
        assertThat(failed.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(failed.effects()).containsExactly(new Effect.Alert("lookup failed"));
        assertThatThrownBy(() -> engine.resume(session, again.runId(), ActionOutcome.failure("x")))
                .hasMessageContaining("no run");
    }

    @Test
    void aDataActionFailureInsideTryGoesToOnError() {
        SessionModel session = open();
        RunResult waiting = engine.run(session, "Try Fetch");
        RunResult done = engine.resume(session, waiting.runId(), ActionOutcome.failure("boom"));
        assertThat(done.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(done.effects()).containsExactly(new Effect.Alert("recovered from data action"), new Effect.Alert("after try"));
    }

    @Test
    void runawayRecursionIsStopped() {
        RunResult run = engine.run(open(), "Loop");
        assertThat(run.status()).isEqualTo(RunResult.Status.FAILED);
        assertThat(run.error()).contains("nested deeper");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({"Ada, equal, Ada, true", "Ada, notEqual, Ada, false", "10, greaterThan, 9, true", "10, lessThan, 9, false",
            "b, greaterThan, a, true", "Ada Lovelace, contains, Love, true", "Ada, startsWith, Ad, true",
            "Ada, startsWith, da, false", "'', isEmpty, '', true", "x, isEmpty, '', false"})
    void ifElseOperators(String left, Step.Operator op, String right, boolean expected) {
        ScriptDefinition base = TestScripts.everything();
        var action = new dev.rapport.script.model.CustomAction("Check", null, List.of(new Step.IfElse("Result", op,
                Step.Operand.text(right), List.of(new Step.Alert("yes")), List.of(new Step.Alert("no")))));
        var actions = new java.util.ArrayList<>(base.customActions());
        actions.add(action);
        ScriptDefinition d = new ScriptDefinition(base.name(), null, null, base.startPageId(), base.pages(), base.variables(),
                actions, null);
        ScriptEngine e = new ScriptEngine();
        SessionModel session = e.open(new ScriptVersion("s", 1, d), new HashMap<>(), Builtins.NONE);
        session.set("Result", left);
        assertThat(e.run(session, "Check").effects()).containsExactly(new Effect.Alert(expected ? "yes" : "no"));
    }
}
