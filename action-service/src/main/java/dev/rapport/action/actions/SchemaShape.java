package dev.rapport.action.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a contract schema must look like before it is stored: every {@code type} one of draft-04's seven (or a list of
 * them), every {@code $ref} local ({@code #...}). A remote {@code $ref} is refused outright: the validator never
 * fetches anything, so such a contract could only fail every run (and fetching would let an admin make the service
 * call any URL).
 */
final class SchemaShape {
    private static final Set<String> TYPES = Set.of("array", "boolean", "integer", "null", "number", "object", "string");
    /** Keywords whose values are data, not schemas. */
    private static final Set<String> DATA = Set.of("enum", "default", "examples", "example", "const");

    private SchemaShape() {
    }

    /** @return the field and the problem, or empty when the schema's shape is fine */
    static Optional<Map.Entry<String, String>> problem(String field, JsonNode schema) {
        if (schema.isObject()) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) schema::fields) {
                String name = e.getKey();
                JsonNode value = e.getValue();
                String at = field + "." + name;
                if (name.equals("type") && !value.isObject() && !validType(value)) {
                    return Optional.of(Map.entry(at, "type must be one of " + TYPES + " or a list of them, not "
                            + value));
                }
                if (name.equals("$ref") && value.isTextual() && !value.textValue().startsWith("#")) {
                    return Optional.of(Map.entry(at, "$ref must point inside the schema ('#/...'); remote references "
                            + "are not loaded"));
                }
                if (name.equals("$ref") && !value.isTextual() && !value.isObject()) {
                    return Optional.of(Map.entry(at, "$ref must be a string"));
                }
                if (!DATA.contains(name) && (value.isObject() || value.isArray())) {
                    Optional<Map.Entry<String, String>> inner = problem(at, value);
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
        } else if (schema.isArray()) {
            for (int i = 0; i < schema.size(); i++) {
                Optional<Map.Entry<String, String>> inner = problem(field + "[" + i + "]", schema.get(i));
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean validType(JsonNode type) {
        if (type.isTextual()) {
            return TYPES.contains(type.textValue());
        }
        if (type.isArray() && !type.isEmpty()) {
            for (JsonNode t : type) {
                if (!t.isTextual() || !TYPES.contains(t.textValue())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
