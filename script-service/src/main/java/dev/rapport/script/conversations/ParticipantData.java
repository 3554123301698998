package dev.rapport.script.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Participant data as Genesys's API takes it ({@code {"name": "value"}}), read with the bounds an interaction event
 * has on 'interactions' (interaction-event.v1.json and the session core's checks), so nothing accepted here is
 * dead-lettered there: at most {@value #MAX_ATTRIBUTES} names a request, each 1 to {@value #MAX_NAME} characters,
 * values at most {@value #MAX_VALUE}. Numbers and booleans are taken as their text; anything else is a 400 naming
 * the attribute.
 */
final class ParticipantData {
    static final int MAX_ATTRIBUTES = 100;
    static final int MAX_NAME = 256;
    static final int MAX_VALUE = 4_096;

    private ParticipantData() {
    }

    /** @param field the body's member holding the map, named in errors ({@code attributes}, {@code data}) */
    static Map<String, String> read(JsonNode map, String field, boolean required) {
        if (map == null || map.isMissingNode() || map.isNull()) {
            if (required) {
                throw InvalidInput.field(field, field + " is required: an object of names and text values");
            }
            return Map.of();
        }
        if (!map.isObject()) {
            throw InvalidInput.field(field, field + " must be an object of names and text values");
        }
        if (map.size() > MAX_ATTRIBUTES) {
            throw InvalidInput.field(field, field + " has " + map.size() + " entries, at most " + MAX_ATTRIBUTES);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String shown = field + "." + (name.length() > 40 ? name.substring(0, 40) + "…" : name);
            if (name.isEmpty() || name.length() > MAX_NAME) {
                throw InvalidInput.field(shown, "an attribute name has 1 to " + MAX_NAME + " characters");
            }
            JsonNode value = e.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw InvalidInput.field(shown, shown + " must be text");
            }
            String text = value.asText();
            if (text.length() > MAX_VALUE) {
                throw InvalidInput.field(shown, shown + " has " + text.length() + " characters, at most " + MAX_VALUE);
            }
            values.put(name, text);
        }
        return values;
    }
}
