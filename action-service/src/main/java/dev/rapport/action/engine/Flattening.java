package dev.rapport.action.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Architect's flattened view of a result ({@code flatten=true}): nested objects become dotted names
 * ({@code outobj.objstr}); arrays stay arrays (Architect shows them as collections).
 */
public final class Flattening {
    private Flattening() {
    }

    public static ObjectNode flatten(ObjectNode output) {
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        add(flat, "", output);
        return flat;
    }

    private static void add(ObjectNode flat, String prefix, JsonNode node) {
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject() && !e.getValue().isEmpty()) {
                add(flat, name, e.getValue());
            } else {
                flat.set(name, e.getValue());
            }
        }
    }
}
