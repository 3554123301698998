package dev.rapport.action.templates;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.velocity.tools.generic.EscapeTool;

/**
 * {@code $esc}: velocity-tools' EscapeTool plus the methods Genesys documents on top of it. {@code url} (inherited) and
 * {@code urlFormEncode} encode a space as {@code +}; {@code uriEncode} as {@code %20}, for URL path pieces.
 */
public class GenesysEscapeTool extends EscapeTool {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The content of a JSON string literal, without the surrounding quotes (Genesys's older name). */
    public String jsonString(Object value) {
        return value == null ? null : new String(JsonStringEncoder.getInstance().quoteAsString(value.toString()));
    }

    /** Same as {@link #jsonString} (Genesys's newer name). */
    public String jsonEncode(Object value) {
        return jsonString(value);
    }

    /** Reverses {@link #jsonEncode}: the text of a JSON string's content. */
    public String jsonDecode(Object value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree("\"" + value + "\"");
            return node.asText();
        } catch (Exception e) {
            return value.toString();
        }
    }

    public String urlFormEncode(Object value) {
        return value == null ? null : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    /** Percent-encodes everything outside RFC 3986's unreserved characters; a space becomes {@code %20}. */
    public String uriEncode(Object value) {
        if (value == null) {
            return null;
        }
        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
