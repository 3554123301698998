package dev.rapport.datatable.importing;

import dev.rapport.datatable.exporting.CsvFormulas;
import dev.rapport.datatable.tables.Column;
import dev.rapport.datatable.tables.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a CSV file, matched to the table: the key column is {@code key}, {@code KEY} or the key's label; the
 * others are field names (what Genesys exports) or, failing that, field labels. A file whose header does not fit the
 * table fails as a whole, before any row is read.
 */
record CsvHeader(int keyIndex, List<Column> columns) {

    /** The column at a CSV position; null at the key's position. */
    Column at(int index) {
        return columns.get(index);
    }

    int width() {
        return columns.size();
    }

    static CsvHeader resolve(List<String> cells, TableSchema schema) {
        int keyIndex = -1;
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i) == null ? "" : cells.get(i).trim();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1); // a byte order mark the reader did not take
            }
            name = CsvFormulas.restore(name);
            if (TableSchema.isKeyName(name) || name.equals(schema.keyTitle())) {
                if (keyIndex >= 0) {
                    throw new ImportRefused("The header names the key twice (columns " + (keyIndex + 1) + " and "
                            + (i + 1) + ")");
                }
                keyIndex = i;
                columns.add(null);
                continue;
            }
            Optional<Column> column = schema.columnByHeader(name);
            if (column.isEmpty()) {
                throw new ImportRefused("Column " + (i + 1) + " of the header, '" + name
                        + "', is not a field of the table");
            }
            if (!seen.add(column.get().name())) {
                throw new ImportRefused("The header names field " + column.get().name() + " twice");
            }
            columns.add(column.get());
        }
        if (keyIndex < 0) {
            throw new ImportRefused("The header has no key column: name it key, KEY or " + schema.keyTitle());
        }
        return new CsvHeader(keyIndex, columns);
    }

    /** Why a whole file cannot be imported. */
    static final class ImportRefused extends RuntimeException {
        ImportRefused(String message) {
            super(message);
        }
    }
}
