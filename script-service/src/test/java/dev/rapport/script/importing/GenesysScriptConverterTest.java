package dev.rapport.script.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.Step;
import dev.rapport.script.scripts.ScriptFormat;
import dev.rapport.script.validation.ScriptValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The three public Genesys exports convert into the model, and what is not carried over is listed. */
class GenesysScriptConverterTest {
    /** The project's copy of the exports (see fixtures/README.md); tests run with the module as working directory. */
    static final Path FIXTURES = Path.of("..", "fixtures", "genesys", "scripts");

    static JsonNode fixture(String file) throws Exception {
        Path path = FIXTURES.resolve(file);
        return ScriptFormat.mapper().readTree(Files.readString(path));
    }

    @Test
    void skyInboundCaseKeepsItsDataActionStepsWithTheirMappings() throws Exception {
        GenesysScriptConverter converter = new GenesysScriptConverter();
        ScriptDefinition d = converter.convert(fixture("workautomation-hubspot-ticketing-sample__Sky_Inbound_Case.script"));
        System.out.println("Sky Inbound Case not carried over: " + converter.notCarriedOver());
        var bridges = d.customActions().stream().flatMap(a -> a.steps().stream())
                .filter(s -> s instanceof Step.ExecuteDataAction).map(s -> (Step.ExecuteDataAction) s).toList();
        assertThat(bridges).hasSize(2);
        assertThat(bridges).allSatisfy(b -> assertThat(b.dataActionId()).startsWith("custom_-_"));
        assertThat(bridges.get(0).inputs()).isNotEmpty();
        assertThat(d.variable("Customer Name")).get().extracting(v -> v.defaultValue()).isEqualTo("Unknown");
        assertThat(ScriptFormat.read(ScriptFormat.tree(d))).isEqualTo(d);
        System.out.println("Sky Inbound Case publish problems: " + ScriptValidator.validate(d));
    }

    @Test
    void emailScriptKeepsItsIfBlockAndPageLoadAction() throws Exception {
        GenesysScriptConverter converter = new GenesysScriptConverter();
        ScriptDefinition d = converter.convert(fixture("terraform-provider-genesyscloud__email.script.json"));
        System.out.println("Email script not carried over: " + converter.notCarriedOver());
        assertThat(d.pages().get(0).onLoad()).isEqualTo("Screen Pop URL");
        Step.IfElse ifElse = (Step.IfElse) d.customAction("Screen Pop URL").orElseThrow().steps().get(0);
        assertThat(ifElse.variable()).isEqualTo("Screen Pop URL");
        assertThat(ifElse.operator()).isEqualTo(Step.Operator.notEqual);
        assertThat(ifElse.then()).hasSize(2).first().isEqualTo(new Step.OpenUrl("{{Screen Pop URL}}"));
        // the button's click is the built-in Open URL, bound directly: it becomes a one-step custom action
        assertThat(d.customActions()).anySatisfy(a -> {
            assertThat(a.name()).endsWith("(scripter.webPage)");
            assertThat(a.steps()).singleElement().isInstanceOf(Step.OpenUrl.class);
        });
        assertThat(ScriptFormat.read(ScriptFormat.tree(d))).isEqualTo(d);
        System.out.println("Email publish problems: " + ScriptValidator.validate(d));
    }

    @Test
    void testScriptKeepsItsCheckbox() throws Exception {
        GenesysScriptConverter converter = new GenesysScriptConverter();
        ScriptDefinition d = converter.convert(fixture("terraform-provider-genesyscloud__test_script.json"));
        System.out.println("Test script not carried over: " + converter.notCarriedOver());
        assertThat(d.pages().get(0).root().children()).anySatisfy(c -> assertThat(c).isInstanceOf(Component.Checkbox.class));
        assertThat(ScriptFormat.read(ScriptFormat.tree(d))).isEqualTo(d);
        System.out.println("Test script publish problems: " + ScriptValidator.validate(d));
    }
}
