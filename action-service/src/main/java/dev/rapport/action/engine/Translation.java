package dev.rapport.action.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies a translationMap with Jayway JsonPath (filters, deep scan, slices, negative indexes, functions). A default
 * from translationMapDefaults is used only when a path does not resolve; a resolved JSON null stays null, as Genesys
 * documents. Defaults are JSON text; one that is not JSON (e.g. {@code disconnected}) is taken as a string.
 */
public class Translation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Configuration PATHS = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JSON))
            .mappingProvider(new JacksonMappingProvider(JSON))
            .build();

    /** @return alias → value, in the map's order */
    public Map<String, JsonNode> translate(JsonNode response, Map<String, String> paths, Map<String, String> defaults) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Object document = PATHS.jsonProvider().parse(response.toString());
        for (Map.Entry<String, String> entry : paths.entrySet()) {
            JsonNode value;
            try {
                Object found = JsonPath.using(PATHS).parse(document).read(entry.getValue());
                value = found == null ? JSON.nullNode() : JSON.valueToTree(found);
            } catch (PathNotFoundException e) {
                value = null;
            } catch (InvalidPathException e) {
                throw new TranslationException("translationMap." + entry.getKey() + ": '" + entry.getValue()
                        + "' is not a valid JSONPath: " + e.getMessage());
            }
            if (value == null) {
                String fallback = defaults.get(entry.getKey());
                if (fallback == null) {
                    throw new TranslationException("translationMap." + entry.getKey() + ": '" + entry.getValue()
                            + "' did not resolve in the response and translationMapDefaults has no value for it");
                }
                value = parseDefault(fallback);
            }
            values.put(entry.getKey(), value);
        }
        return values;
    }

    static JsonNode parseDefault(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? TextNode.valueOf(text) : node;
        } catch (Exception e) {
            return TextNode.valueOf(text);
        }
    }

    /** A translation that cannot produce its values. */
    public static class TranslationException extends RuntimeException {
        public TranslationException(String message) {
            super(message);
        }
    }
}
