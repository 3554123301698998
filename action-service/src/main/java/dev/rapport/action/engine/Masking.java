package dev.rapport.action.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/** Hides secrets: credential values in step results, and every value of a secure action in logs. */
public final class Masking {
    public static final String MASK = "********";

    private Masking() {
    }

    public static String blankOut(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    public static JsonNode blankOut(JsonNode node, List<String> secrets) {
        if (node == null || secrets.isEmpty()) {
            return node;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(blankOut(node.textValue(), secrets));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            object.fields().forEachRemaining(e -> out.set(e.getKey(), blankOut(e.getValue(), secrets)));
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.forEach(item -> out.add(blankOut(item, secrets)));
            return out;
        }
        return node;
    }

    /** Every leaf value replaced by the mask, names kept: how a secure action's inputs and outputs are logged. */
    public static JsonNode maskValues(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            object.fields().forEachRemaining(e -> out.set(e.getKey(), maskValues(e.getValue())));
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.forEach(item -> out.add(maskValues(item)));
            return out;
        }
        return node.isNull() ? node : TextNode.valueOf(MASK);
    }
}
