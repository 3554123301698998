package dev.rapport.script.scripts;

import dev.rapport.contract.failure.DomainException.InvalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.script.WorkshopScript;
import dev.rapport.script.model.ScriptDefinition;
import org.junit.jupiter.api.Test;

/** Rapport's script format: what the model writes passes its own JSON Schema and reads back equal. */
class ScriptFormatTest {

    @Test
    void theWorkshopScriptRoundTripsThroughTheSchema() {
        ScriptDefinition workshop = WorkshopScript.definition();
        ScriptDefinition read;
        try {
            read = ScriptFormat.read(ScriptFormat.tree(workshop));
        } catch (InvalidInput e) {
            throw new AssertionError(e.getMessage() + " " + e.details(), e);
        }
        assertThat(read).isEqualTo(workshop);
    }

    @Test
    void everyComponentAndStepRoundTrips() {
        ScriptDefinition everything = dev.rapport.script.engine.TestScriptsAccess.everything();
        try {
            assertThat(ScriptFormat.read(ScriptFormat.tree(everything))).isEqualTo(everything);
        } catch (InvalidInput e) {
            throw new AssertionError(e.getMessage() + " " + e.details(), e);
        }
    }

    @Test
    void violationsNameTheField() {
        var json = ScriptFormat.tree(WorkshopScript.definition());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.at("/customActions/0/steps/1")).put("operator", "sortOf");
        assertThatThrownBy(() -> ScriptFormat.read(json)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.details()).anySatisfy(d -> assertThat(d.fieldName()).isEqualTo("/customActions/0/steps/1/operator")));
    }
}
