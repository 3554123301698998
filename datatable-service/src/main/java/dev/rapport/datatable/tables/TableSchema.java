package dev.rapport.datatable.tables;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table's schema: the key's label and the custom fields in display order. Written and read as Genesys's JSON
 * Schema document ({@link #toDocument()}, {@link SchemaReader}).
 */
public record TableSchema(String keyTitle, List<Column> columns) {
    public static final String KEY = "key";
    public static final String DRAFT_04 = "http://json-schema.org/draft-04/schema#";

    public TableSchema {
        columns = columns.stream().sorted(Comparator.comparingInt(Column::displayOrder)).toList();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The column whose name, or else whose label, is {@code header} (CSV headers may use either). */
    public Optional<Column> columnByHeader(String header) {
        return column(header).or(() -> columns.stream().filter(c -> c.title().equals(header)).findFirst());
    }

    /** True when {@code name} names the key column: {@code key} or {@code KEY} (any case), as Genesys clients send. */
    public static boolean isKeyName(String name) {
        return KEY.equalsIgnoreCase(name);
    }

    /** The row as the API returns it: key first, then every field in display order, missing ones at their default. */
    public Map<String, Object> present(String key, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(KEY, key);
        for (Column c : columns) {
            Object v = values.get(c.name());
            row.put(c.name(), v == null ? c.effectiveDefault() : v);
        }
        return row;
    }

    public ObjectNode toDocument() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode doc = json.objectNode();
        doc.put("$schema", DRAFT_04);
        doc.put("type", "object");
        doc.putArray("required").add(KEY);
        ObjectNode properties = doc.putObject("properties");
        ObjectNode key = properties.putObject(KEY);
        key.put("title", keyTitle);
        key.put("type", "string");
        key.put("$id", "/properties/" + KEY);
        key.put("displayOrder", 0);
        for (Column c : columns) {
            ObjectNode p = properties.putObject(c.name());
            p.put("title", c.title());
            p.put("type", c.type().jsonName());
            p.put("$id", "/properties/" + c.name());
            p.put("displayOrder", c.displayOrder());
            if (c.defaultValue() != null) {
                p.set("default", toJson(c.defaultValue()));
            }
        }
        doc.put("additionalProperties", false);
        return doc;
    }

    /** A column value as JSON. */
    public static com.fasterxml.jackson.databind.JsonNode toJson(Object value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value instanceof Long l) {
            return json.numberNode(l);
        } else if (value instanceof Integer i) {
            return json.numberNode(i.longValue());
        } else if (value instanceof Number n) {
            return json.numberNode(n.doubleValue());
        } else if (value instanceof Boolean b) {
            return json.booleanNode(b);
        }
        return value == null ? json.nullNode() : json.textNode(value.toString());
    }
}
