package dev.rapport.action.templates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns JSON into what a template may see: maps, lists, strings, numbers, booleans. Objects and arrays print as JSON
 * (not Java's {@code {a=1}}), so {@code ${input.obj}} in a JSON body stays JSON.
 */
public final class JsonValues {
    private JsonValues() {
    }

    public static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isArray()) {
            JsonList list = new JsonList(node.toString());
            node.forEach(item -> list.add(of(item)));
            return list;
        }
        JsonMap map = new JsonMap(node.toString());
        node.fields().forEachRemaining(e -> map.put(e.getKey(), of(e.getValue())));
        return map;
    }

    /** A JSON object as a template sees it. */
    public static final class JsonMap extends LinkedHashMap<String, Object> {
        private final String json;

        JsonMap(String json) {
            this.json = json;
        }

        public JsonMap(Map<String, Object> values, String json) {
            super(values);
            this.json = json;
        }

        @Override
        public String toString() {
            return json;
        }
    }

    /** A JSON array as a template sees it. */
    public static final class JsonList extends ArrayList<Object> {
        private final String json;

        JsonList(String json) {
            this.json = json;
        }

        @Override
        public String toString() {
            return json;
        }
    }
}
