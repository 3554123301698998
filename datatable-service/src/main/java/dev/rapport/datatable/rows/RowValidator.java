package dev.rapport.datatable.rows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.GenesysError.Detail;
import dev.rapport.datatable.tables.Column;
import dev.rapport.datatable.tables.TableSchema;
import dev.rapport.platform.web.ApiException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a row body (Genesys's flat JSON object) against the table's schema: every problem becomes an error detail
 * naming its field, and a row with any problem is refused whole.
 */
public final class RowValidator {
    private final int maxKeyLength;
    private final int maxStringLength;

    public RowValidator(int maxKeyLength, int maxStringLength) {
        this.maxKeyLength = maxKeyLength;
        this.maxStringLength = maxStringLength;
    }

    /** A valid row: its key and a value for every field (defaults for those the body did not give). */
    public record ValidRow(String key, Map<String, Object> values) {
    }

    /** @param pathKey the key from the URL, which wins over one in the body; null when creating */
    public ValidRow validate(TableSchema schema, JsonNode body, String pathKey) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidField("body", "A row is a JSON object of field names and values");
        }
        List<Detail> problems = new ArrayList<>();
        String bodyKey = null;
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (TableSchema.isKeyName(name)) {
                if (value.isTextual()) {
                    bodyKey = value.textValue();
                } else if (pathKey == null && !value.isNull()) {
                    problems.add(problem(name, "The key must be a string"));
                }
                continue;
            }
            Optional<Column> column = schema.column(name);
            if (column.isEmpty()) {
                problems.add(problem(name, "The table has no field " + name));
                continue;
            }
            if (value.isNull()) {
                continue; // takes its default below
            }
            Optional<Object> typed = column.get().type().fromJson(value);
            if (typed.isEmpty()) {
                problems.add(problem(name, "Field " + name + " is a " + column.get().type().jsonName()
                        + "; the value " + abbreviate(value.toString()) + " is not"));
            } else if (typed.get() instanceof String s && s.length() > maxStringLength) {
                problems.add(problem(name, "Field " + name + " has more than " + maxStringLength + " characters"));
            } else {
                values.put(name, typed.get());
            }
        }
        String key = pathKey != null ? pathKey : bodyKey;
        String keyField = pathKey != null ? "rowId" : "key";
        checkKey(key, keyField).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.size() == 1 ? problems.get(0).message()
                    : "The row has " + problems.size() + " problems, the first: " + problems.get(0).message(), problems);
        }
        return new ValidRow(key, withDefaults(schema, values));
    }

    /** A problem with a key, or empty when it is a valid key. */
    public Optional<Detail> checkKey(String key, String field) {
        if (key == null || key.isBlank()) {
            return Optional.of(problem(field, "The row needs a key (\"key\" or \"KEY\"), not empty"));
        }
        if (key.length() > maxKeyLength) {
            return Optional.of(problem(field, "A key has at most " + maxKeyLength + " characters; this one has "
                    + key.length()));
        }
        return Optional.empty();
    }

    static Map<String, Object> withDefaults(TableSchema schema, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column c : schema.columns()) {
            Object v = given.get(c.name());
            values.put(c.name(), v == null ? c.effectiveDefault() : v);
        }
        return values;
    }

    private static Detail problem(String field, String message) {
        return new Detail("invalid.value", field, message);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
