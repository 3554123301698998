package dev.rapport.datatable.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Genesys's {@code DataTableImportJob}, plus what Rapport adds: {@code dryRun}, progress, the counts of added,
 * changed and unchanged rows, the failed records with their reasons, and the first rows added or changed with their
 * values (the dry run's diff), and the table's fields the file does not name ({@code columnsNotInFile}: kept by an
 * Append, set to their defaults by the other modes). {@code countRecordsUpdated} is Genesys's: rows added or changed
 * (to be, in a dry run).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJobView(String id, String name, Owner owner, ImportStatus status, Instant dateCreated,
                            Instant dateCompleted, String uploadURI, Map<String, String> uploadHeaders,
                            ImportMode importMode, ErrorInformation errorInformation,
                            long countRecordsUpdated, long countRecordsDeleted, long countRecordsFailed,
                            boolean dryRun, long countRecordsProcessed, long countRecordsAdded,
                            long countRecordsChanged, long countRecordsUnchanged, Progress progress,
                            List<ImportFailure> failures, List<ImportChange> changes, List<String> columnsNotInFile,
                            String selfUri) {

    public record Owner(String id) {
    }

    public record ErrorInformation(String message, String code, int status) {
    }

    /** How far the upload has been read; {@code percent} is of its bytes. */
    public record Progress(long bytesRead, Long bytesTotal, Integer percent) {
    }

    static ImportJobView of(ImportJob job, String baseUri) {
        String self = "/api/v2/flows/datatables/" + job.tableId + "/import/jobs/" + job.id;
        boolean waiting = job.status == ImportStatus.WaitingForUpload;
        Integer percent = job.bytesTotal == null || job.bytesTotal == 0 ? null
                : (int) Math.min(100, job.bytesRead * 100 / job.bytesTotal);
        return new ImportJobView(job.id, job.name, job.ownerId == null ? null : new Owner(job.ownerId), job.status,
                job.dateCreated, job.dateCompleted, waiting ? baseUri + self + "/upload" : null,
                waiting ? Map.of("Content-Type", "text/csv") : null, job.importMode,
                job.errorMessage == null ? null : new ErrorInformation(job.errorMessage, "import.failed", 400),
                job.recordsAdded + job.recordsChanged, job.recordsDeleted, job.recordsFailed, job.dryRun,
                job.recordsProcessed, job.recordsAdded, job.recordsChanged, job.recordsUnchanged,
                new Progress(job.bytesRead, job.bytesTotal, percent), job.failures, job.changes,
                job.columnsNotInFile, self);
    }
}
