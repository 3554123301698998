package dev.rapport.datatable.importing;

import dev.rapport.contract.GenesysError.Detail;
import dev.rapport.datatable.rows.RowValidator;
import dev.rapport.datatable.tables.Column;
import dev.rapport.datatable.tables.TableSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Append's rule for a record whose row the table has: the columns the file names take the file's values, the others
 * keep the row's. The merged row is checked again as a whole (its size), like any row that enters.
 */
final class AppendMerge {
    private final TableSchema schema;
    private final Set<String> notInFile;
    private final RowValidator validator;

    AppendMerge(TableSchema schema, List<String> notInFile, RowValidator validator) {
        this.schema = schema;
        this.notInFile = Set.copyOf(notInFile);
        this.validator = validator;
    }

    /** The record with the stored values of the columns the file leaves out, or why that row cannot be written. */
    CsvRecord merge(CsvRecords.Row row, String storedJson) {
        if (notInFile.isEmpty()) {
            return row;
        }
        Map<String, Object> stored = ImportChange.read(storedJson);
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Column c : schema.columns()) {
            String name = c.name();
            boolean keep = notInFile.contains(name) && stored.get(name) != null;
            merged.put(name, keep ? stored.get(name) : row.values().get(name));
        }
        RowValidator.Checked checked = validator.check(schema, row.key(), "key", merged, null);
        if (!checked.valid()) {
            Detail first = checked.problems().get(0);
            return new ImportFailure(row.line(), row.key(), first.fieldName(), first.message());
        }
        return new CsvRecords.Row(row.line(), row.key(), checked.row().values());
    }

    /** Whether the row would be stored as it is now: no new version, no history entry. */
    static boolean unchanged(CsvRecords.Row row, String storedJson) {
        Map<String, Object> stored = ImportChange.read(storedJson);
        return stored.keySet().equals(row.values().keySet()) && row.values().entrySet().stream()
                .allMatch(e -> ImportChange.same(stored.get(e.getKey()), e.getValue()));
    }
}
