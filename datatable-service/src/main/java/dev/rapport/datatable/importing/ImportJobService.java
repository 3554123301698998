package dev.rapport.datatable.importing;

import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.contract.failure.DomainException.TooLarge;
import dev.rapport.datatable.DataTableConfig;
import dev.rapport.datatable.tables.DataTableService;
import dev.rapport.platform.web.Paging;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Import jobs as Genesys runs them: created waiting for an upload, then processed in the background while the client
 * polls. The upload is copied to a file first, so the request ends quickly and the import reads at its own pace.
 */
@ApplicationScoped
public class ImportJobService {
    private final DataTableService tables;
    private final DataTableConfig config;
    private final CsvImport csvImport;
    private final ExecutorService workers;
    private final ImportWorkers liveness;

    ImportJobService(DataTableService tables, DataTableConfig config, CsvImport csvImport, ImportWorkers liveness) {
        this.tables = tables;
        this.liveness = liveness;
        this.config = config;
        this.csvImport = csvImport;
        int n = Math.max(1, config.importing().concurrency());
        this.workers = new ThreadPoolExecutor(n, n, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "datatable-import");
            t.setDaemon(true);
            return t;
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }

    /** What a client may send when creating a job; Rapport adds {@code dryRun}. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record NewJob(String importMode, Boolean dryRun, String name) {
    }

    @Transactional
    public ImportJob create(String tableId, NewJob body, String by) {
        tables.get(tableId);
        ImportMode mode;
        try {
            mode = body == null || body.importMode() == null ? ImportMode.Append : ImportMode.valueOf(body.importMode());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("importMode", "importMode is Append, ReplaceRows or ReplaceAll");
        }
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID().toString();
        job.tableId = tableId;
        job.name = body == null ? null : body.name();
        job.ownerId = by;
        job.status = ImportStatus.WaitingForUpload;
        job.importMode = mode;
        job.dryRun = body != null && Boolean.TRUE.equals(body.dryRun());
        job.dateCreated = Instant.now();
        job.persist();
        return job;
    }

    public ImportJob get(String tableId, String jobId) {
        ImportJob job = ImportJob.findById(jobId);
        if (job == null || !job.tableId.equals(tableId)) {
            throw new NotFound("Import job " + jobId + " not found for data table " + tableId);
        }
        return job;
    }

    /** A job as a poller sees it: a Processing job whose instance died is failed first, so no poll waits forever. */
    public ImportJob poll(String tableId, String jobId) {
        ImportJob job = get(tableId, jobId);
        if (job.status == ImportStatus.Processing && liveness.failIfOrphaned(jobId)) {
            return QuarkusTransaction.requiringNew().call(() -> get(tableId, jobId));
        }
        return job;
    }

    public record Page(List<ImportJob> jobs, long total) {
    }

    /** The table's jobs, newest first. */
    @Transactional
    public Page list(String tableId, Paging paging) {
        tables.get(tableId);
        var query = ImportJob.find("tableId", Sort.by("dateCreated", Sort.Direction.Descending), tableId);
        return new Page(query.page(paging.pageNumber() - 1, paging.pageSize()).list(), query.count());
    }

    /** Copies the upload to a file (refusing one over the size limit) and queues the job. */
    public ImportJob upload(String tableId, String jobId, InputStream body) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = get(tableId, jobId);
            // One upload per run: the first moves the job out of WaitingForUpload; another restarts an interrupted job.
            if (job.status == ImportStatus.Failed && job.interrupted) {
                Log.infof("Import job %s restarts with a new upload", jobId);
                job.restart(liveness.workerId());
                return;
            }
            if (job.status != ImportStatus.WaitingForUpload) {
                throw new Conflict("Import job " + jobId + " is " + job.status + "; it takes one upload "
                        + "(again only when interrupted)");
            }
            job.status = ImportStatus.Processing;
            job.workerId = liveness.workerId();
        });
        Path file;
        try {
            Path dir = config.importing().uploadDirectory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, "datatable-import-" + jobId, ".csv");
            long size = copy(body, file, config.importing().maxUploadBytes());
            QuarkusTransaction.requiringNew().run(() -> ImportJob.<ImportJob>findById(jobId).bytesTotal = size);
        } catch (IOException e) {
            boolean tooLarge = e instanceof UploadTooLarge;
            String message = tooLarge ? e.getMessage() : "The upload could not be stored: " + e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = ImportJob.findById(jobId);
                job.status = ImportStatus.Failed;
                job.errorMessage = message;
                job.dateCompleted = Instant.now();
            });
            if (tooLarge) {
                throw new TooLarge(message);
            }
            throw new UncheckedIOException(e);
        }
        Path queued = file;
        workers.submit(() -> csvImport.run(jobId, queued));
        return QuarkusTransaction.requiringNew().call(() -> get(tableId, jobId));
    }

    private static long copy(InputStream in, Path file, long max) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    out.close();
                    Files.deleteIfExists(file);
                    throw new UploadTooLarge("The upload is larger than " + max
                            + " bytes (rapport.datatable.import.max-upload-bytes)");
                }
                out.write(buffer, 0, n);
            }
        }
        Log.debugf("Import job upload of %d bytes stored in %s", total, file);
        return total;
    }

    private static final class UploadTooLarge extends IOException {
        UploadTooLarge(String message) {
            super(message);
        }
    }
}
