package dev.rapport.datatable.importing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A CSV import: created waiting for its upload, processed in batches that each commit and record progress. */
@Entity
@Table(name = "datatable_import_job")
public class ImportJob extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "table_id", nullable = false)
    public String tableId;

    public String name;

    @Column(name = "owner_id")
    public String ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "import_mode", nullable = false)
    public ImportMode importMode;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Column(name = "date_created", nullable = false)
    public Instant dateCreated;

    @Column(name = "date_completed")
    public Instant dateCompleted;

    @Column(name = "bytes_total")
    public Long bytesTotal;

    @Column(name = "bytes_read", nullable = false)
    public long bytesRead;

    @Column(name = "records_processed", nullable = false)
    public long recordsProcessed;

    @Column(name = "records_added", nullable = false)
    public long recordsAdded;

    @Column(name = "records_changed", nullable = false)
    public long recordsChanged;

    @Column(name = "records_unchanged", nullable = false)
    public long recordsUnchanged;

    @Column(name = "records_deleted", nullable = false)
    public long recordsDeleted;

    @Column(name = "records_failed", nullable = false)
    public long recordsFailed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ImportFailure> failures = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ImportChange> changes = List.of();

    /** The table's fields the file's header does not name, in display order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "columns_not_in_file", nullable = false)
    public List<String> columnsNotInFile = List.of();

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "worker_id")
    public String workerId;

    /** Failed because its instance stopped, not because of its file: uploading the file again restarts it. */
    @Column(nullable = false)
    public boolean interrupted;

    /** Back to the start for another run of the same file: counts, reports and the keys taken so far are dropped. */
    void restart(String worker) {
        status = ImportStatus.Processing;
        workerId = worker;
        interrupted = false;
        errorMessage = null;
        dateCompleted = null;
        bytesTotal = null;
        bytesRead = 0;
        recordsProcessed = 0;
        recordsAdded = 0;
        recordsChanged = 0;
        recordsUnchanged = 0;
        recordsDeleted = 0;
        recordsFailed = 0;
        failures = List.of();
        changes = List.of();
        columnsNotInFile = List.of();
        getEntityManager().createNativeQuery("DELETE FROM datatable_import_key WHERE job_id = ?1")
                .setParameter(1, id).executeUpdate();
    }
}
