package dev.rapport.script.scripts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.rapport.contract.GenesysError;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.script.model.ScriptDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Rapport's script format: checked against its JSON Schema, then read into the model; and written back. */
public final class ScriptFormat {
    public static final String SCHEMA = "/dev/rapport/script/script-format.schema.json";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Schema SCHEMA_VALIDATOR = load();

    private ScriptFormat() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** @throws InvalidInput with one detail per violation, each naming the field as a JSON Pointer */
    public static ScriptDefinition read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw InvalidInput.field("/", "a script object is required");
        }
        List<GenesysError.Detail> details = SCHEMA_VALIDATOR.validate(json).stream()
                .map(e -> {
                    String at = e.getInstanceLocation().toString().replaceFirst("^\\$", "").replace('.', '/');
                    if (e.getProperty() != null && "required".equals(e.getKeyword())) {
                        at = at + "/" + e.getProperty();
                    }
                    return new GenesysError.Detail("invalid.value", at.isEmpty() ? "/" : at, e.getMessage());
                }).toList();
        if (!details.isEmpty()) {
            throw new InvalidInput("The script does not match Rapport's script format: "
                    + details.get(0).fieldName() + ": " + details.get(0).message(), details);
        }
        try {
            return MAPPER.treeToValue(json, ScriptDefinition.class);
        } catch (JsonProcessingException e) {
            throw InvalidInput.field("/", e.getOriginalMessage());
        }
    }

    public static ScriptDefinition read(String json) {
        try {
            return MAPPER.readValue(json, ScriptDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored script is not readable: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(ScriptDefinition definition) {
        try {
            return MAPPER.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode tree(ScriptDefinition definition) {
        return MAPPER.valueToTree(definition);
    }

    private static Schema load() {
        try (InputStream in = ScriptFormat.class.getResourceAsStream(SCHEMA)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
