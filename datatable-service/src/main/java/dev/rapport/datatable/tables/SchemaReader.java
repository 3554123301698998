package dev.rapport.datatable.tables;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.GenesysError.Detail;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Genesys JSON Schema document into a {@link TableSchema}, refusing what Genesys would refuse (and a few
 * things it would silently accept), with one error detail per problem, each naming the schema field.
 */
public final class SchemaReader {
    private static final Pattern FIELD_NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,256}");

    private static final int UNORDERED = -1;

    private final int maxFields;

    public SchemaReader(int maxFields) {
        this.maxFields = maxFields;
    }

    public TableSchema read(JsonNode doc) {
        List<Detail> problems = new ArrayList<>();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
            throw InvalidInput.field("schema", "The table needs a schema");
        }
        if (!doc.isObject()) {
            throw InvalidInput.field("schema", "The schema must be a JSON object");
        }
        if (doc.has("type") && !"object".equals(doc.get("type").asText())) {
            problems.add(problem("schema.type", "must be \"object\""));
        }
        if (doc.has("additionalProperties") && !(doc.get("additionalProperties").isBoolean()
                && !doc.get("additionalProperties").booleanValue())) {
            problems.add(problem("schema.additionalProperties", "must be false: a row has only the table's fields"));
        }
        JsonNode required = doc.get("required");
        if (required != null && !(required.isArray() && required.size() == 1
                && TableSchema.KEY.equals(required.get(0).asText()))) {
            problems.add(problem("schema.required", "must be [\"key\"]: the key is the only required field"));
        }
        JsonNode properties = doc.get("properties");
        if (properties == null || !properties.isObject()) {
            problems.add(problem("schema.properties", "must be an object with at least the property \"key\""));
            throw refuse(problems);
        }
        String keyTitle = readKey(properties.get(TableSchema.KEY), problems);
        List<Column> columns = new ArrayList<>();
        Set<String> lowerNames = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (TableSchema.KEY.equals(name)) {
                continue;
            }
            String at = "schema.properties." + name;
            if (TableSchema.isKeyName(name)) {
                problems.add(problem(at, "is reserved: rows name their key \"key\" or \"KEY\""));
                continue;
            }
            if (!FIELD_NAME.matcher(name).matches()) {
                problems.add(problem(at, "a field name has 1 to 256 characters and no '/', '\\' or control characters"));
                continue;
            }
            if (!lowerNames.add(name.toLowerCase(Locale.ROOT))) {
                problems.add(problem(at, "another field has the same name in another case"));
                continue;
            }
            Optional<Column> column = readColumn(at, name, field.getValue(), problems);
            if (column.isPresent()) {
                columns.add(column.get());
                int order = column.get().displayOrder();
                if (order != UNORDERED && !orders.add(order)) {
                    problems.add(problem(at + ".displayOrder", "another field has displayOrder " + order));
                }
            }
        }
        // Fields without a displayOrder go after the others, in the order the document lists them.
        int nextOrder = orders.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.displayOrder() == UNORDERED) {
                columns.set(i, new Column(c.name(), c.title(), c.type(), nextOrder++, c.defaultValue()));
            }
        }
        if (columns.size() > maxFields) {
            problems.add(problem("schema.properties", "has " + columns.size() + " fields; a table has at most "
                    + maxFields + " besides the key (rapport.datatable.limits.max-fields)"));
        }
        if (!problems.isEmpty()) {
            throw refuse(problems);
        }
        return new TableSchema(keyTitle, columns);
    }

    private static String readKey(JsonNode key, List<Detail> problems) {
        String at = "schema.properties.key";
        if (key == null || !key.isObject()) {
            problems.add(problem(at, "is required: it describes the reference key, its title is the key's label"));
            return null;
        }
        if (key.has("type") && !"string".equals(key.get("type").asText())) {
            problems.add(problem(at + ".type", "must be \"string\": keys are strings"));
        }
        String title = key.path("title").asText("");
        if (title.isBlank()) {
            problems.add(problem(at + ".title", "is required: it is the key's label, e.g. \"ANI\""));
        } else if (title.contains("/") || title.contains("\\")) {
            problems.add(problem(at + ".title", "may not contain '/' or '\\'"));
        } else if (title.length() > 256) {
            problems.add(problem(at + ".title", "has more than 256 characters"));
        }
        return title;
    }

    private static Optional<Column> readColumn(String at, String name, JsonNode p, List<Detail> problems) {
        if (!p.isObject()) {
            problems.add(problem(at, "must be an object with a type"));
            return Optional.empty();
        }
        Optional<ColumnType> type = ColumnType.fromJsonName(p.path("type").asText(""));
        if (type.isEmpty()) {
            problems.add(problem(at + ".type", "must be one of string, integer, number, boolean"));
            return Optional.empty();
        }
        String title = p.hasNonNull("title") ? p.get("title").asText() : name;
        if (title.isBlank() || title.length() > 256) {
            problems.add(problem(at + ".title", "a label has 1 to 256 characters"));
        }
        if (p.has("$id") && !("/properties/" + name).equals(p.get("$id").asText())) {
            problems.add(problem(at + ".$id", "must be \"/properties/" + name + "\""));
        }
        int order = UNORDERED;
        if (p.has("displayOrder")) {
            JsonNode d = p.get("displayOrder");
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.intValue() < 1) {
                problems.add(problem(at + ".displayOrder", "must be a whole number of 1 or more (0 is the key's)"));
            } else {
                order = d.intValue();
            }
        }
        Object defaultValue = null;
        if (p.hasNonNull("default")) {
            Optional<Object> v = type.get().fromJson(p.get("default"));
            if (v.isEmpty()) {
                problems.add(problem(at + ".default", "must be a " + type.get().jsonName() + " like the field"));
            } else {
                defaultValue = v.get();
            }
        }
        return Optional.of(new Column(name, title, type.get(), order, defaultValue));
    }

    private static Detail problem(String field, String message) {
        return new Detail("invalid.value", field, field + " " + message);
    }

    private static DomainException refuse(List<Detail> problems) {
        String message = problems.size() == 1 ? "Invalid schema: " + problems.get(0).message()
                : "Invalid schema: " + problems.size() + " problems, the first: " + problems.get(0).message();
        return new InvalidInput(message, problems);
    }
}
