package dev.rapport.script.genesys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Genesys's JSON shapes of its Scripts API ({@code Script}, {@code Page}, a script variable), filled from Rapport's
 * script: what Rapport has no counterpart for is absent. Rapport names variables and custom actions rather than
 * giving them ids, so their {@code id} is their name.
 */
public final class GenesysScriptViews {
    private GenesysScriptViews() {
    }

    /**
     * A published script (or, in a listing, its summary: no variables, custom actions or pages). {@code versionId}
     * is the published version's number.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Script(String id, String name, String versionId, Instant createdDate, Instant modifiedDate,
                         Instant publishedDate, Instant versionDate, String startPageId, String startPageName,
                         Map<String, Feature> features, List<Variable> variables, List<CustomAction> customActions,
                         List<Page> pages, String selfUri) {
    }

    /** {@code rootContainer} is the page's root component in Rapport's format (docs/script-service.md). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(String id, String name, String versionId, Instant createdDate, Instant modifiedDate,
                       JsonNode rootContainer, Map<String, TypedValue> properties, String selfUri) {
    }

    /** A script variable: {@code value} is its default (for a dynamic one, its expression). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Variable(String id, String name, String description, VariableType type, Object value,
                           boolean input, boolean output) {
    }

    public record VariableType(String name, @JsonProperty("isDynamic") boolean isDynamic,
                               @JsonProperty("isList") boolean isList) {
    }

    public record CustomAction(String id, String name) {
    }

    /** {@code {"properties": {"enabled": {"typeName": "boolean", "value": true}}}}, as Genesys's features are. */
    public record Feature(Map<String, TypedValue> properties) {
        static Feature enabled(boolean enabled) {
            return new Feature(Map.of("enabled", new TypedValue("boolean", enabled)));
        }
    }

    /** Genesys's property value: its type's name and the value. */
    public record TypedValue(String typeName, Object value) {
    }
}
