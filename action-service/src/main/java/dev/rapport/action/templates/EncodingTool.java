package dev.rapport.action.templates;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code $encoding}: Base64 of a string's UTF-8 bytes (e.g. a Basic authorization header built in a template). */
public class EncodingTool {

    public String base64(Object value) {
        return value == null ? null : Base64.getEncoder().encodeToString(value.toString().getBytes(StandardCharsets.UTF_8));
    }

    public String base64Decode(Object value) {
        try {
            return value == null ? null : new String(Base64.getDecoder().decode(value.toString()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
