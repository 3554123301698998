package dev.rapport.script.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.scripts.ScriptFormat;
import dev.rapport.script.scripts.ScriptService;
import dev.rapport.script.scripts.ScriptViews;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Imports a Genesys {@code .script} export or Rapport's own format (a bare script or an export envelope) as a new
 * draft, answering with what could not be carried over.
 */
@ApplicationScoped
public class ScriptImporter {
    private final ScriptService scripts;

    ScriptImporter(ScriptService scripts) {
        this.scripts = scripts;
    }

    public ScriptViews.ImportResult importScript(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInput.field("/", "a Genesys .script export or a Rapport script is required");
        }
        if (GenesysScriptConverter.looksLikeGenesys(body)) {
            GenesysScriptConverter converter = new GenesysScriptConverter();
            ScriptDefinition definition = converter.convert(body);
            // the converter's result goes through the same schema check as any other script
            definition = ScriptFormat.read(ScriptFormat.tree(definition));
            return new ScriptViews.ImportResult(scripts.create(definition), "genesys", converter.notCarriedOver());
        }
        JsonNode script = "rapport-script".equals(body.path("format").asText()) ? body.get("script") : body;
        return new ScriptViews.ImportResult(scripts.create(ScriptFormat.read(script)), "rapport", List.of());
    }
}
