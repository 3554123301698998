package dev.rapport.datatable.rows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.GenesysError.Detail;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException;
import dev.rapport.datatable.DataTableConfig;
import dev.rapport.datatable.tables.Column;
import dev.rapport.datatable.tables.ColumnType;
import dev.rapport.datatable.tables.TableSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one set of rules every row obeys wherever it enters (the API's JSON bodies, CSV import records): a key that is
 * one path segment, values of their field's type within their length, text PostgreSQL can store, a default for every
 * field not given, and a whole row small enough to travel as one event. Every problem becomes an error detail naming
 * its field, and a row with any problem is refused whole.
 */
public final class RowValidator {
    /** Details kept in one answer; the rest are summed up in its message. */
    static final int MAX_DETAILS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxKeyLength;
    private final int maxStringLength;
    private final int maxRowBytes;

    public RowValidator(int maxKeyLength, int maxStringLength, int maxRowBytes) {
        this.maxKeyLength = maxKeyLength;
        this.maxStringLength = maxStringLength;
        this.maxRowBytes = maxRowBytes;
    }

    public static RowValidator of(DataTableConfig.Limits limits) {
        return new RowValidator(limits.maxKeyLength(), limits.maxStringLength(), limits.maxRowBytes());
    }

    /** Twice the longest text a valid value or key can be: a CSV reader need not hold a longer cell. */
    public int maxCellLength() {
        return 2 * Math.max(Math.max(maxStringLength, maxKeyLength), maxRowBytes);
    }

    /** A valid row: its key and a value for every field (defaults for those the body did not give). */
    public record ValidRow(String key, Map<String, Object> values) {
    }

    /** A row checked: valid when {@code problems} is empty. */
    public record Checked(ValidRow row, List<Detail> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** @param pathKey the key from the URL, which wins over one in the body; null when creating */
    public ValidRow validate(TableSchema schema, JsonNode body, String pathKey) {
        if (body == null || !body.isObject()) {
            throw InvalidInput.field("body", "A row is a JSON object of field names and values");
        }
        if (body.size() > schema.columns().size() + 2) {
            throw InvalidInput.field("body", "The row has " + body.size() + " members; the table has "
                    + schema.columns().size() + " fields and the key");
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
                    if (bodyKey != null && !bodyKey.equals(value.textValue()) && pathKey == null) {
                        problems.add(problem(name, "The body gives two different keys"));
                    }
                    bodyKey = value.textValue();
                } else if (pathKey == null && !value.isNull()) {
                    problems.add(problem(name, "The key must be a string"));
                }
                continue;
            }
            Optional<Column> column = schema.column(name);
            if (column.isEmpty()) {
                problems.add(problem(name, "The table has no field " + shown(name)));
                continue;
            }
            if (value.isNull()) {
                continue; // takes its default below
            }
            Optional<Object> typed = column.get().type().fromJson(value);
            if (typed.isEmpty()) {
                problems.add(notOfType(column.get(), "the value " + shown(value.toString())));
            } else {
                values.put(name, typed.get());
            }
        }
        String key = pathKey != null ? pathKey : bodyKey;
        Checked checked = check(schema, key, pathKey != null ? "rowId" : "key", values, "body");
        problems.addAll(checked.problems());
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
        return checked.row();
    }

    /**
     * A record of text cells (a CSV import's), by field, under the same rules as a JSON row: a blank cell of a
     * field that is not a string takes the field's default, any other cell must read as its field's type.
     *
     * @param cells only fields of the table
     */
    public Checked checkText(TableSchema schema, String key, String keyField, Map<Column, String> cells) {
        List<Detail> problems = new ArrayList<>();
        Map<String, Object> given = new LinkedHashMap<>();
        cells.forEach((column, text) -> {
            if (text == null || (text.isEmpty() && column.type() != ColumnType.STRING)) {
                return; // blank: the field's default
            }
            Optional<Object> typed = column.type().fromText(text);
            if (typed.isEmpty()) {
                problems.add(notOfType(column, "'" + shown(text) + "'"));
            } else {
                given.put(column.name(), typed.get());
            }
        });
        Checked checked = check(schema, key, keyField, given, null);
        problems.addAll(checked.problems());
        return new Checked(checked.row(), problems);
    }

    /**
     * The checks common to every way a row enters, on values already of their column's type.
     *
     * @param rowField the field a problem of the whole row (its size) is reported under
     */
    public Checked check(TableSchema schema, String key, String keyField, Map<String, Object> given, String rowField) {
        List<Detail> problems = new ArrayList<>();
        checkKey(key, keyField).ifPresent(problems::add);
        given.forEach((name, value) -> {
            if (value instanceof String s) {
                textProblem(s).ifPresent(p -> problems.add(problem(name, "Field " + name + " " + p)));
            }
        });
        ValidRow row = new ValidRow(key, withDefaults(schema, given));
        if (problems.isEmpty()) {
            int bytes = serializedSize(schema.present(key, row.values()));
            if (bytes > maxRowBytes) {
                problems.add(problem(rowField, "The row is " + bytes + " bytes as JSON; a row has at most "
                        + maxRowBytes + " (rapport.datatable.limits.max-row-bytes)"));
            }
        }
        return new Checked(row, problems);
    }

    /** A problem with a key, or empty when it is a valid key: one path segment of at most max-key-length. */
    public Optional<Detail> checkKey(String key, String field) {
        if (key == null || key.isBlank()) {
            return Optional.of(problem(field, "The row needs a key (\"key\" or \"KEY\"), not empty"));
        }
        if (key.length() > maxKeyLength) {
            return Optional.of(problem(field, "A key has at most " + maxKeyLength + " characters; this one has "
                    + key.length()));
        }
        // A key is addressed as one segment of /rows/{key}: "." and ".." are removed by URL normalisation and "/"
        // splits the path, so such a key would resolve to another resource.
        if (key.equals(".") || key.equals("..")) {
            return Optional.of(problem(field, "A key cannot be '" + key + "': it is not a path segment"));
        }
        if (key.indexOf('/') >= 0) {
            return Optional.of(problem(field, "A key cannot contain '/': it is one path segment"));
        }
        return textProblem(key).map(p -> problem(field, "The key " + p));
    }

    /** Why a text cannot be stored, or empty: too long, U+0000 (PostgreSQL's JSON refuses it), a lone surrogate. */
    private Optional<String> textProblem(String s) {
        if (s.length() > maxStringLength) {
            return Optional.of("has more than " + maxStringLength + " characters "
                    + "(rapport.datatable.limits.max-string-length)");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return Optional.of("contains U+0000 (NUL), which cannot be stored");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains a lone UTF-16 surrogate at character " + (i + 1));
            }
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

    private static DomainException refusal(List<Detail> problems) {
        String message = problems.size() == 1 ? problems.get(0).message()
                : "The row has " + problems.size() + " problems, the first: " + problems.get(0).message();
        return new InvalidInput(message, problems.subList(0, Math.min(problems.size(), MAX_DETAILS)));
    }

    private static int serializedSize(Map<String, Object> row) {
        try {
            return JSON.writeValueAsBytes(row).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A row of plain values cannot be written as JSON", e);
        }
    }

    private static Detail problem(String field, String message) {
        return new Detail("invalid.value", field, message);
    }

    private static Detail notOfType(Column column, String shownValue) {
        return problem(column.name(), "Field " + column.name() + " is a " + column.type().jsonName() + "; "
                + shownValue + " is not");
    }

    /**
     * A value as a message shows it: short, so a hostile value does not fill the answer or an import job, and without
     * what a JSON column cannot hold (U+0000, lone surrogates).
     */
    public static String shown(String s) {
        String shortened = s.length() <= 40 ? s : s.substring(0, 37) + "...";
        StringBuilder safe = new StringBuilder(shortened.length());
        for (int i = 0; i < shortened.length(); i++) {
            char c = shortened.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < shortened.length()
                    && Character.isLowSurrogate(shortened.charAt(i + 1));
            if (pair) {
                safe.append(c).append(shortened.charAt(++i));
            } else {
                safe.append(c == '\u0000' || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return safe.toString();
    }
}
