package dev.rapport.script.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks of the routing APIs' request bodies: each refusal is a 400 naming the field. */
final class RoutingInput {
    static final int MAX_NAME = 256;
    static final int MAX_DESCRIPTION = 1_024;
    static final int MAX_USER_ID = 128;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private RoutingInput() {
    }

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInput.field("body", "a JSON object is required");
        }
        return body;
    }

    /** A required name: trimmed, 1..256 characters, no control characters. */
    static String name(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || !node.isTextual() || node.asText().isBlank()) {
            throw InvalidInput.field(field, field + " is required");
        }
        String name = node.asText().trim();
        if (name.length() > MAX_NAME) {
            throw InvalidInput.field(field, field + " has " + name.length() + " characters; at most " + MAX_NAME);
        }
        if (CONTROL.matcher(name).find()) {
            throw InvalidInput.field(field, field + " has a control character (a line break, a tab...)");
        }
        return name;
    }

    static String optionalText(JsonNode body, String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw InvalidInput.field(field, field + " must be a string");
        }
        if (node.asText().length() > max) {
            throw InvalidInput.field(field, field + " has " + node.asText().length() + " characters; at most " + max);
        }
        return node.asText();
    }

    /** An optional whole number within bounds, found at {@code path} (e.g. mediaSettings.call.alertingTimeoutSeconds). */
    static Integer optionalInt(JsonNode body, String path, int min, int max) {
        JsonNode node = body;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw InvalidInput.field(path, path + " must be a whole number from " + min + " to " + max);
        }
        return node.asInt();
    }

    static UUID uuid(String id, String what) {
        return parse(id).orElseThrow(() -> new NotFound(what + " " + id + " not found"));
    }

    static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
