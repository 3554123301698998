package dev.rapport.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Applies {@link InputLimits} to what an IVR or an agent sends, before anything is parsed or produced. */
@ApplicationScoped
public class InputBounds {
    private final InputLimits limits;

    InputBounds(InputLimits limits) {
        this.limits = limits;
    }

    /** Checks an IVR event's body before it is parsed into the contract. */
    public void checkInteractionEvent(JsonNode body) {
        checkInteractionEvent(body, body.toString());
    }

    /** As {@link #checkInteractionEvent(JsonNode)}, with the body's JSON text already written. */
    public void checkInteractionEvent(JsonNode body, String text) {
        int bytes = utf8Length(text);
        if (bytes > limits.eventBytes()) {
            throw refused("/", "the event is " + bytes + " bytes; at most " + limits.eventBytes() + " are accepted");
        }
        checkMap(body.get("attributes"), "/attributes");
        JsonNode pop = body.get("screenPop");
        if (pop != null) {
            checkMap(pop.get("inputs"), "/screenPop/inputs");
        }
    }

    /** Checks a batch of IVR events (a JSON array) before its events are read: their count. */
    public void checkBatch(int events) {
        if (events > limits.batchEvents()) {
            throw refused("/", events + " events; at most " + limits.batchEvents() + " are accepted in one request");
        }
        if (events == 0) {
            throw new InvalidEventException("an empty batch",
                    List.of(new InvalidEventException.Violation("/", "at least one event is required")));
        }
    }

    /** The UTF-8 length of {@code text}, without encoding it. */
    static int utf8Length(String text) {
        int bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // 2 bytes up to U+07FF, 3 for the rest of the BMP; a surrogate pair is 4 (2 + 2 counted here)
                bytes += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }

    /** Checks an agent command's value. */
    public void checkCommand(JsonNode body) {
        JsonNode value = body.get("value");
        if (value != null) {
            int bytes = value.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > limits.commandValueBytes()) {
                throw refused("/value", "the value is " + bytes + " bytes; at most " + limits.commandValueBytes()
                        + " are accepted");
            }
        }
    }

    private void checkMap(JsonNode map, String field) {
        if (map == null || !map.isObject()) {
            return; // the schema names a wrong type
        }
        if (map.size() > limits.attributes()) {
            throw refused(field, map.size() + " entries; at most " + limits.attributes() + " are accepted");
        }
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            String name = entry.getKey();
            if (name.length() > limits.attributeNameLength()) {
                throw refused(field, "a name of " + name.length() + " characters; at most "
                        + limits.attributeNameLength() + " are accepted");
            }
            JsonNode value = entry.getValue();
            if (value.isTextual() && value.textValue().length() > limits.attributeValueLength()) {
                throw refused(field + "/" + name.replace("~", "~0").replace("/", "~1"), "a value of "
                        + value.textValue().length() + " characters; at most " + limits.attributeValueLength()
                        + " are accepted");
            }
        }
    }

    private static InvalidEventException refused(String field, String message) {
        return new InvalidEventException("too large: " + field + " has " + message,
                List.of(new InvalidEventException.Violation(field, message)));
    }
}
