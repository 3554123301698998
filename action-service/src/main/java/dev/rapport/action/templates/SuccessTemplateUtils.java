package dev.rapport.action.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code $successTemplateUtils}. Translated values reach the success template as JSON text, so these take and return
 * JSON text: {@code firstFromArray("${ids}", "$esc.quote$esc.quote")} gives the first element of the array, or the
 * default (here {@code ""}) when the array is empty or not an array.
 */
public class SuccessTemplateUtils {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String firstFromArray(Object jsonArray) {
        return firstFromArray(jsonArray, "null");
    }

    public String firstFromArray(Object jsonArray, Object defaultValue) {
        JsonNode node = parse(jsonArray);
        if (node instanceof ArrayNode array && !array.isEmpty()) {
            return array.get(0).toString();
        }
        return defaultValue == null ? "null" : defaultValue.toString();
    }

    /**
     * Turns an object's entries into an array of objects: {@code {"a":1,"b":2}} becomes
     * {@code [{"key":"a","value":1},{"key":"b","value":2}]}. Genesys documents the name only; the property names are
     * ours and can be chosen.
     */
    public String moveKeysIntoArrayOfObjects(Object jsonObject) {
        return moveKeysIntoArrayOfObjects(jsonObject, "key", "value");
    }

    public String moveKeysIntoArrayOfObjects(Object jsonObject, String keyName) {
        return moveKeysIntoArrayOfObjects(jsonObject, keyName, "value");
    }

    public String moveKeysIntoArrayOfObjects(Object jsonObject, String keyName, String valueName) {
        JsonNode node = parse(jsonObject);
        ArrayNode out = JSON.createArrayNode();
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                ObjectNode item = out.addObject();
                item.put(keyName, entry.getKey());
                if (entry.getValue() instanceof ObjectNode inner) {
                    item.setAll(inner);
                } else {
                    item.set(valueName, entry.getValue());
                }
            }
        }
        return out.toString();
    }

    private static JsonNode parse(Object json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json.toString());
        } catch (Exception e) {
            return null;
        }
    }
}
