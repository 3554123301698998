package dev.rapport.script.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.script.engine.RenderedPage.RenderedComponent;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.ScriptVersion;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableKind;
import dev.rapport.script.model.VariableType;
import dev.rapport.script.scripts.ScriptFormat;
import dev.rapport.script.validation.Problem;
import dev.rapport.script.validation.ScriptValidator;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A web page asking for a signed context renders the chosen variables' values, bounded, and nothing else. */
class SignedContextRenderingTest {
    private static ScriptDefinition script(List<String> chosen) {
        Component root = new Component.VerticalContainer("root", null, null, List.of(
                new Component.WebPage("crm", null, "https://crm.example.com/case?ani={{ANI}}",
                        new Component.SignedContext(chosen)),
                new Component.WebPage("map", null, "https://maps.example.com/")));
        return new ScriptDefinition("Context", null, null, "start", List.of(new Page("start", "Start", null, root)),
                List.of(input("ANI", VariableKind.BASIC), input("CustomerName", VariableKind.BASIC),
                        input("Secret", VariableKind.BASIC), input("Notes", VariableKind.BASIC),
                        input("Services", VariableKind.LIST)),
                List.of(), null);
    }

    private static Variable input(String name, VariableKind kind) {
        return new Variable(name, null, VariableType.STRING, kind, true, false, null, null);
    }

    private static RenderedComponent render(ScriptDefinition script, Map<String, ?> inputs, String id) {
        ScriptEngine engine = new ScriptEngine();
        SessionModel session = engine.open(new ScriptVersion("s", 1, script), inputs, Builtins.NONE);
        return engine.render(session, "start").root().children().stream().filter(c -> c.id().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void onlyTheChosenVariablesAreOfferedAndTooLongOnesAreNamedNotSent() {
        String tooLong = "x".repeat(PageRenderer.MAX_CONTEXT_VALUE + 1);
        List<String> manyItems = Collections.nCopies(PageRenderer.MAX_CONTEXT_ITEMS + 1, "s");
        ScriptDefinition script = script(List.of("ANI", "CustomerName", "Notes", "Services"));
        RenderedComponent crm = render(script, Map.of("ANI", "+13175550123", "CustomerName", "Ada",
                "Secret", "never", "Notes", tooLong, "Services", manyItems), "crm");
        assertThat(crm.source()).isEqualTo("https://crm.example.com/case?ani=+13175550123");
        assertThat(crm.signedContext().variables()).containsExactly(
                Map.entry("ANI", "+13175550123"), Map.entry("CustomerName", "Ada"));
        assertThat(crm.signedContext().omitted()).containsExactly("Notes", "Services");

        RenderedComponent withList = render(script, Map.of("Services", List.of("Insurance", "Childcare")), "crm");
        assertThat(withList.signedContext().variables()).containsEntry("Services", List.of("Insurance", "Childcare"));

        assertThat(render(script, Map.of(), "map").signedContext()).isNull();
    }

    @Test
    void publishingChecksTheChosenVariablesAndTheFormatKeepsThem() {
        assertThat(ScriptValidator.validate(script(List.of("ANI")))).isEmpty();
        assertThat(ScriptValidator.validate(script(List.of("Nope")))).extracting(Problem::code)
                .containsExactly("unknown.variable");
        ScriptDefinition script = script(List.of("ANI", "CustomerName"));
        assertThat(ScriptFormat.write(script)).contains("\"signedContext\":{\"variables\":[\"ANI\",\"CustomerName\"]}");
        assertThat(ScriptFormat.read(ScriptFormat.tree(script))).isEqualTo(script);
    }
}
