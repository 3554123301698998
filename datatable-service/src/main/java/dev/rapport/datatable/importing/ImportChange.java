package dev.rapport.datatable.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.rapport.contract.EventJson;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A row that an import adds, changes or deletes (would, in a dry run), so that the user can review the file's effect
 * before importing it. {@code line} is the record's number as in {@link ImportFailure} (none for a row ReplaceAll
 * deletes); an added row lists all its values in {@code newValues}, a deleted one in {@code oldValues}; a changed row
 * lists only the fields that differ, old and new.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportChange(Long line, String key, String operation, Map<String, Object> oldValues,
                           Map<String, Object> newValues) {
    static final String ADDED = "added";
    static final String CHANGED = "changed";
    static final String DELETED = "deleted";

    static ImportChange added(CsvRecords.Row row) {
        return new ImportChange(row.line(), row.key(), ADDED, null, row.values());
    }

    /** {@code oldJson}: the row's values as stored. */
    static ImportChange changed(CsvRecords.Row row, String oldJson) {
        Map<String, Object> before = read(oldJson);
        Map<String, Object> oldValues = new LinkedHashMap<>();
        Map<String, Object> newValues = new LinkedHashMap<>();
        row.values().forEach((field, value) -> {
            Object old = before.get(field);
            if (!same(old, value)) {
                oldValues.put(field, old);
                newValues.put(field, value);
            }
        });
        return new ImportChange(row.line(), row.key(), CHANGED, oldValues, newValues);
    }

    /** {@code oldJson}: the row's values as stored. */
    static ImportChange deleted(String key, String oldJson) {
        return new ImportChange(null, key, DELETED, read(oldJson), null);
    }

    /** JSON numbers read back as Integer or Double, the file's as Long or BigDecimal: 7 and 7.0 are the same value. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    static Map<String, Object> read(String json) {
        try {
            return json == null ? Map.of() : EventJson.mapper().readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
