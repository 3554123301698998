package dev.rapport.datatable.importing;

import dev.rapport.contract.EventJson;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of one batch of an import, a few statements whatever the batch size: rows travel as arrays
 * ({@code unnest}) and are written with one {@code INSERT ... ON CONFLICT DO UPDATE}, their history with one more.
 */
final class ImportBatch {
    private final Connection connection;
    private final String jobId;
    private final String tableId;

    ImportBatch(Connection connection, String jobId, String tableId) {
        this.connection = connection;
        this.jobId = jobId;
        this.tableId = tableId;
    }

    /** A row as it is in the table now. */
    record Existing(long version, String valuesJson, boolean same) {
    }

    /**
     * Holds the table's schema still until the batch commits (a schema update waits) and checks it is the one the
     * import started with: rows typed for another schema must not be written.
     */
    void holdSchema(long expectedVersion) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT version FROM datatable WHERE id = ? FOR SHARE")) {
            ps.setString(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new CsvHeader.ImportRefused("The table was deleted during the import");
                }
                if (rs.getLong(1) != expectedVersion) {
                    throw new CsvHeader.ImportRefused("The table's schema changed during the import; import again");
                }
            }
        }
    }

    /** Takes the keys for this job; returns those some earlier record of the file had taken already. */
    Set<String> claim(List<String> keys) throws SQLException {
        Set<String> claimed = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO datatable_import_key (job_id, row_key) SELECT ?, k FROM unnest(?::text[]) AS k "
                        + "ON CONFLICT DO NOTHING RETURNING row_key")) {
            ps.setString(1, jobId);
            ps.setArray(2, texts(keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getString(1));
                }
            }
        }
        Set<String> taken = new HashSet<>(keys);
        taken.removeAll(claimed);
        return taken;
    }

    /** The rows of the table with these keys, each compared with its new values; locked when {@code lock}. */
    Map<String, Existing> existing(List<String> keys, List<String> valuesJson, boolean lock) throws SQLException {
        Map<String, Existing> found = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT i.k, r.version, r.row_values::text, r.row_values = i.v::jsonb "
                        + "FROM unnest(?::text[], ?::text[]) AS i(k, v) "
                        + "JOIN datatable_row r ON r.table_id = ? AND r.row_key = i.k"
                        + (lock ? " FOR UPDATE OF r" : ""))) {
            ps.setArray(1, texts(keys));
            ps.setArray(2, texts(valuesJson));
            ps.setString(3, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new Existing(rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
        }
        return found;
    }

    /** Writes the rows and one history entry per row. {@code old} holds the rows that exist now. */
    void upsert(List<CsvRecords.Row> rows, Map<String, Existing> old, String by) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(rows.size());
        List<String> values = new ArrayList<>(rows.size());
        List<Long> versions = new ArrayList<>(rows.size());
        List<String> operations = new ArrayList<>(rows.size());
        List<String> olds = new ArrayList<>(rows.size());
        for (CsvRecords.Row row : rows) {
            Existing e = old.get(row.key());
            keys.add(row.key());
            values.add(EventJson.write(row.values()));
            versions.add(e == null ? 1 : e.version() + 1);
            operations.add(e == null ? "created" : "updated");
            olds.add(e == null ? null : e.valuesJson());
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO datatable_row (table_id, row_key, row_values, version, updated_at, updated_by) "
                        + "SELECT ?, i.k, i.v::jsonb, i.ver, now(), ? "
                        + "FROM unnest(?::text[], ?::text[], ?::bigint[]) AS i(k, v, ver) "
                        + "ON CONFLICT (table_id, row_key) DO UPDATE SET row_values = EXCLUDED.row_values, "
                        + "version = datatable_row.version + 1, updated_at = EXCLUDED.updated_at, "
                        + "updated_by = EXCLUDED.updated_by")) {
            ps.setString(1, tableId);
            ps.setString(2, by);
            ps.setArray(3, texts(keys));
            ps.setArray(4, texts(values));
            ps.setArray(5, connection.createArrayOf("bigint", versions.toArray()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO datatable_row_history "
                        + "(table_id, row_key, version, operation, old_values, new_values, changed_by, changed_at, source) "
                        + "SELECT ?, h.k, h.ver, h.op, h.old::jsonb, h.v::jsonb, ?, now(), ? "
                        + "FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[]) AS h(k, ver, op, old, v)")) {
            ps.setString(1, tableId);
            ps.setString(2, by);
            ps.setString(3, "import:" + jobId);
            ps.setArray(4, texts(keys));
            ps.setArray(5, connection.createArrayOf("bigint", versions.toArray()));
            ps.setArray(6, texts(operations));
            ps.setArray(7, texts(olds));
            ps.setArray(8, texts(values));
            ps.executeUpdate();
        }
    }

    /** ReplaceAll: how many rows the file did not name (that a real run deletes). */
    long countUnclaimed() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM datatable_row r WHERE r.table_id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM datatable_import_key k WHERE k.job_id = ? AND k.row_key = r.row_key)")) {
            ps.setString(1, tableId);
            ps.setString(2, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** ReplaceAll: the first rows (by key) the file did not name, with their values; those a real run deletes. */
    List<ImportChange> unclaimed(int limit) throws SQLException {
        List<ImportChange> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT r.row_key, r.row_values::text FROM datatable_row r WHERE r.table_id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM datatable_import_key k WHERE k.job_id = ? AND k.row_key = r.row_key) "
                        + "ORDER BY r.row_key LIMIT ?")) {
            ps.setString(1, tableId);
            ps.setString(2, jobId);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(ImportChange.deleted(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return rows;
    }

    /** ReplaceAll: deletes the rows the file did not name, keeping their history; returns how many. */
    long deleteUnclaimed(String by) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "WITH gone AS (DELETE FROM datatable_row r WHERE r.table_id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM datatable_import_key k WHERE k.job_id = ? AND k.row_key = r.row_key) "
                        + "RETURNING r.row_key, r.version, r.row_values) "
                        + "INSERT INTO datatable_row_history "
                        + "(table_id, row_key, version, operation, old_values, new_values, changed_by, changed_at, source) "
                        + "SELECT ?, row_key, version, 'deleted', row_values, NULL, ?, now(), ? FROM gone")) {
            ps.setString(1, tableId);
            ps.setString(2, jobId);
            ps.setString(3, tableId);
            ps.setString(4, by);
            ps.setString(5, "import:" + jobId);
            return ps.executeUpdate();
        }
    }

    /** Forgets the job's keys and sets the table's row count from its rows. */
    void finish() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM datatable_import_key WHERE job_id = ?")) {
            ps.setString(1, jobId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE datatable SET row_count = (SELECT count(*) FROM datatable_row WHERE table_id = ?) WHERE id = ?")) {
            ps.setString(1, tableId);
            ps.setString(2, tableId);
            ps.executeUpdate();
        }
    }

    long rowCount() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT row_count FROM datatable WHERE id = ?")) {
            ps.setString(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private Array texts(List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
