package dev.rapport.datatable.importing;

import dev.rapport.contract.EventJson;
import dev.rapport.datatable.DataTableChanges;
import dev.rapport.datatable.DataTableConfig;
import dev.rapport.datatable.rows.RowValidator;
import dev.rapport.datatable.tables.DataTable;
import dev.rapport.datatable.tables.TableSchema;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Processes one uploaded CSV file. Records stream from the file in batches; each batch is validated, compared with
 * the table, written (unless a dry run) with its history, and committed together with the job's progress and a
 * {@code tableChanged/imported} event, so a reader polling the job sees it advance and memory stays bounded.
 */
@ApplicationScoped
public class CsvImport {
    private final AgroalDataSource dataSource;
    private final DataTableConfig config;
    private final DataTableChanges changes;

    CsvImport(AgroalDataSource dataSource, DataTableConfig config, DataTableChanges changes) {
        this.dataSource = dataSource;
        this.config = config;
        this.changes = changes;
    }

    /** Counts and failures of a job while it runs. */
    private static final class Tally {
        long processed;
        long added;
        long changed;
        long unchanged;
        long deleted;
        long failed;
        final List<ImportFailure> failures = new ArrayList<>();
        final List<ImportChange> changes = new ArrayList<>();
        List<String> notInFile = List.of();
    }

    void run(String jobId, Path file) {
        try {
            process(jobId, file);
        } catch (CsvHeader.ImportRefused e) {
            fail(jobId, e.getMessage());
        } catch (RuntimeException | IOException | SQLException e) {
            Log.warnf(e, "Import job %s failed", jobId);
            fail(jobId, "The import stopped: " + rootMessage(e));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                Log.warnf("Cannot delete upload %s: %s", file, e.getMessage());
            }
        }
    }

    private void process(String jobId, Path file) throws IOException, SQLException {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(jobId));
        DataTable table = QuarkusTransaction.requiringNew().call(() -> DataTable.<DataTable>findById(job.tableId));
        if (table == null) {
            throw new CsvHeader.ImportRefused("The table was deleted");
        }
        Optional<Utf8Check.Malformed> notUtf8 = Utf8Check.find(file);
        if (notUtf8.isPresent()) {
            Utf8Check.Malformed bad = notUtf8.get();
            fail(jobId, bad.message() + "; nothing was imported",
                    List.of(new ImportFailure(bad.line(), null, null, "not valid UTF-8 (byte offset "
                            + bad.byteOffset() + ")")));
            return;
        }
        TableSchema schema = table.schema();
        long rowsAtStart = table.rowCount;
        Tally tally = new Tally();
        int batchSize = config.importing().batchSize();
        RowValidator validator = RowValidator.of(config.limits());
        try (InputStream in = Files.newInputStream(file);
             CsvRecords records = new CsvRecords(in, schema, validator)) {
            tally.notInFile = records.columnsNotInFile();
            AppendMerge merge = job.importMode == ImportMode.Append
                    ? new AppendMerge(schema, tally.notInFile, validator) : null;
            List<CsvRecords.Row> batch = new ArrayList<>(batchSize);
            while (records.hasNext()) {
                CsvRecord next = records.next();
                tally.processed++;
                if (next instanceof CsvRecords.Row row) {
                    batch.add(row);
                } else if (next instanceof ImportFailure failure) {
                    reject(tally, failure);
                }
                if (batch.size() == batchSize) {
                    writeBatch(job, table, batch, merge, tally, rowsAtStart, records.bytesRead());
                    batch.clear();
                }
            }
            writeBatch(job, table, batch, merge, tally, rowsAtStart, records.bytesRead());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                ImportBatch sql = new ImportBatch(c, job.id, job.tableId);
                sql.holdSchema(table.version);
                if (job.importMode == ImportMode.ReplaceAll) {
                    int room = config.importing().maxReportedChanges() - tally.changes.size();
                    if (room > 0) {
                        tally.changes.addAll(sql.unclaimed(room));
                    }
                    tally.deleted = job.dryRun ? sql.countUnclaimed() : sql.deleteUnclaimed(job.ownerId);
                }
                sql.finish();
                progress(c, job.id, tally, Files.size(file), ImportStatus.Succeeded);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException(e);
            }
            if (!job.dryRun) {
                changes.tableChanged(table.id, table.name, "imported", job.ownerId);
            }
        });
        Log.infof("Import job %s of table %s: %d records, %d added, %d changed, %d unchanged, %d deleted, %d failed%s",
                job.id, table.id, tally.processed, tally.added, tally.changed, tally.unchanged, tally.deleted,
                tally.failed, job.dryRun ? " (dry run)" : "");
    }

    /** @param merge Append's merge of a record with the row the table has; null when the file's rows replace it */
    private void writeBatch(ImportJob job, DataTable table, List<CsvRecords.Row> rows, AppendMerge merge, Tally tally,
                            long rowsAtStart, long bytesRead) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                ImportBatch sql = new ImportBatch(c, job.id, job.tableId);
                sql.holdSchema(table.version);
                // First occurrence of a key in the file wins; a later one fails, as Genesys fails duplicates.
                Map<String, CsvRecords.Row> unique = new LinkedHashMap<>();
                for (CsvRecords.Row row : rows) {
                    if (unique.putIfAbsent(row.key(), row) != null) {
                        reject(tally, duplicate(row));
                    }
                }
                List<String> keys = new ArrayList<>(unique.keySet());
                Set<String> taken = keys.isEmpty() ? Set.of() : sql.claim(keys);
                List<CsvRecords.Row> valid = new ArrayList<>();
                List<String> json = new ArrayList<>();
                for (CsvRecords.Row row : unique.values()) {
                    if (taken.contains(row.key())) {
                        reject(tally, duplicate(row));
                    } else {
                        valid.add(row);
                        json.add(EventJson.write(row.values()));
                    }
                }
                Map<String, ImportBatch.Existing> existing = valid.isEmpty() ? Map.of()
                        : sql.existing(valid.stream().map(CsvRecords.Row::key).toList(), json, !job.dryRun);
                List<CsvRecords.Row> toWrite = new ArrayList<>();
                for (CsvRecords.Row record : valid) {
                    ImportBatch.Existing e = existing.get(record.key());
                    CsvRecords.Row row = record;
                    boolean same = e != null && e.same();
                    if (e != null && merge != null) {
                        CsvRecord merged = merge.merge(record, e.valuesJson());
                        if (merged instanceof ImportFailure failure) {
                            reject(tally, failure);
                            continue;
                        }
                        row = (CsvRecords.Row) merged;
                        same = AppendMerge.unchanged(row, e.valuesJson());
                    }
                    if (e == null) {
                        if (!roomForOneMore(job, tally, rowsAtStart)) {
                            reject(tally, new ImportFailure(row.line(), row.key(), null, "The table is full: "
                                    + config.limits().maxRowsPerTable() + " rows (rapport.datatable.limits.max-rows-per-table)"));
                            continue;
                        }
                        tally.added++;
                        report(tally, ImportChange.added(row));
                        toWrite.add(row);
                    } else if (same) {
                        tally.unchanged++;
                    } else {
                        tally.changed++;
                        report(tally, ImportChange.changed(row, e.valuesJson()));
                        toWrite.add(row);
                    }
                }
                if (!job.dryRun) {
                    sql.upsert(toWrite, existing, job.ownerId);
                }
                progress(c, job.id, tally, bytesRead, ImportStatus.Processing);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (!job.dryRun && !rows.isEmpty()) {
                changes.tableChanged(table.id, table.name, "imported", job.ownerId);
            }
        });
    }

    /** Append and ReplaceRows add to the rows there were; ReplaceAll ends with only the file's rows. */
    private boolean roomForOneMore(ImportJob job, Tally tally, long rowsAtStart) {
        long max = config.limits().maxRowsPerTable();
        long after = job.importMode != ImportMode.ReplaceAll ? rowsAtStart + tally.added
                : tally.added + tally.changed + tally.unchanged;
        return after < max;
    }

    private void reject(Tally tally, ImportFailure failure) {
        tally.failed++;
        if (tally.failures.size() < config.importing().maxReportedFailures()) {
            tally.failures.add(failure);
        }
    }

    /** Batches go in file order, so the changes kept are the file's first ones. */
    private void report(Tally tally, ImportChange change) {
        if (tally.changes.size() < config.importing().maxReportedChanges()) {
            tally.changes.add(change);
        }
    }

    private static ImportFailure duplicate(CsvRecords.Row row) {
        return new ImportFailure(row.line(), row.key(), "key", "An earlier record of the file has the same key");
    }

    private static void progress(Connection c, String jobId, Tally t, long bytesRead, ImportStatus status)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE datatable_import_job SET status = ?, bytes_read = ?, "
                + "records_processed = ?, records_added = ?, records_changed = ?, records_unchanged = ?, "
                + "records_deleted = ?, records_failed = ?, failures = ?::jsonb, changes = ?::jsonb, "
                + "date_completed = ?, columns_not_in_file = ?::jsonb "
                // A job another instance declared orphaned stays failed.
                + "WHERE id = ? AND status = 'Processing'")) {
            ps.setString(1, status.name());
            ps.setLong(2, bytesRead);
            ps.setLong(3, t.processed);
            ps.setLong(4, t.added);
            ps.setLong(5, t.changed);
            ps.setLong(6, t.unchanged);
            ps.setLong(7, t.deleted);
            ps.setLong(8, t.failed);
            t.failures.sort(java.util.Comparator.comparingLong(ImportFailure::line));
            ps.setString(9, EventJson.write(t.failures));
            ps.setString(10, EventJson.write(t.changes));
            ps.setObject(11, status == ImportStatus.Processing ? null : java.sql.Timestamp.from(Instant.now()));
            ps.setString(12, EventJson.write(t.notInFile));
            ps.setString(13, jobId);
            ps.executeUpdate();
        }
    }

    private void fail(String jobId, String message) {
        fail(jobId, message, List.of());
    }

    /** @param failures the lines that made the whole job fail, when it is a line's fault */
    private void fail(String jobId, String message, List<ImportFailure> failures) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(jobId);
            if (job != null) {
                job.status = ImportStatus.Failed;
                job.errorMessage = message;
                job.dateCompleted = Instant.now();
                if (!failures.isEmpty()) {
                    job.failures = failures;
                    job.recordsFailed = failures.size();
                }
            }
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("DELETE FROM datatable_import_key WHERE job_id = ?")) {
                ps.setString(1, jobId);
                ps.executeUpdate();
            } catch (SQLException e) {
                Log.warnf("Cannot forget the keys of import job %s: %s", jobId, e.getMessage());
            }
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        Set<Throwable> seen = new HashSet<>();
        while (t.getCause() != null && seen.add(t)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
