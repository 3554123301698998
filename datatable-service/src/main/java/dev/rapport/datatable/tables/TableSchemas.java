package dev.rapport.datatable.tables;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Parsed schemas by table and version, so that a row read (the hot path of lookups from flows) does not parse the
 * schema document again. A new table version replaces the entry; a deleted table's entry is dropped.
 */
@ApplicationScoped
public class TableSchemas {
    private record Versioned(long version, TableSchema schema) {
    }

    private final ConcurrentMap<String, Versioned> byTable = new ConcurrentHashMap<>();

    public TableSchema of(DataTable table) {
        Versioned cached = byTable.get(table.id);
        if (cached != null && cached.version() == table.version) {
            return cached.schema();
        }
        TableSchema schema = table.schema();
        byTable.put(table.id, new Versioned(table.version, schema));
        return schema;
    }

    /** The schema of a table at a version known from a query, reading the table only when it is not cached. */
    public java.util.Optional<TableSchema> of(String tableId, long version) {
        Versioned cached = byTable.get(tableId);
        if (cached != null && cached.version() == version) {
            return java.util.Optional.of(cached.schema());
        }
        DataTable table = DataTable.findById(tableId);
        return table == null ? java.util.Optional.empty() : java.util.Optional.of(of(table));
    }

    void forget(String tableId) {
        byTable.remove(tableId);
    }
}
