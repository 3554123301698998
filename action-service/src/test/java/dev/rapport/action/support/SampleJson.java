package dev.rapport.action.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Builds a JSON value that a JSON Schema accepts: inputs from input contracts, responses from success contracts. */
public final class SampleJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SampleJson() {
    }

    public static JsonNode of(JsonNode schema, String name) {
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("");
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        switch (type) {
            case "object": {
                var object = F.objectNode();
                schema.path("properties").fields().forEachRemaining(e -> object.set(e.getKey(), of(e.getValue(), e.getKey())));
                return object;
            }
            case "array": {
                var array = F.arrayNode();
                array.add(of(schema.path("items"), name));
                return array;
            }
            case "integer":
                return F.numberNode(7);
            case "number":
                return F.numberNode(2.5);
            case "boolean":
                return F.booleanNode(true);
            default:
                if (schema.has("enum")) {
                    return schema.get("enum").get(0);
                }
                return F.textNode("sample-" + (name == null ? "value" : name));
        }
    }
}
