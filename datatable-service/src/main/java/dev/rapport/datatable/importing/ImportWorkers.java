package dev.rapport.datatable.importing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tells a job whose instance died from one still running. Each instance holds a PostgreSQL advisory lock named after
 * its worker id on a connection of its own for as long as it lives; PostgreSQL releases it when the process or its
 * connection dies. A {@code Processing} job whose worker's lock can be taken has lost its worker: it is failed as
 * interrupted (when an instance starts, every {@code rapport.datatable.import.orphan-check}, and when polled), and
 * uploading its file again restarts it. An instance shutting down fails its own jobs the same way at once.
 */
@ApplicationScoped
public class ImportWorkers {
    /** First half of the advisory lock's two-int key, the second being the worker id's hash. */
    private static final int LOCK_SPACE = 0x44544957; // "DTIW"

    private final AgroalDataSource dataSource;
    private final String workerId = UUID.randomUUID().toString();
    private Connection lockHolder;

    ImportWorkers(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String workerId() {
        return workerId;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        lockHolder = dataSource.getConnection();
        try (PreparedStatement ps = lockHolder.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setString(2, workerId);
            ps.execute();
        }
        List<String> orphans = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>list(
                "status = ?1", ImportStatus.Processing).stream().map(j -> j.id).toList());
        orphans.forEach(this::failIfOrphaned);
    }

    /** Fails the jobs of instances that are gone; rows another instance is looking at are skipped. */
    @Scheduled(every = "${rapport.datatable.import.orphan-check:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void failOrphans() {
        List<String> candidates = QuarkusTransaction.requiringNew().call(() -> ImportJob.getEntityManager()
                .createNativeQuery("SELECT id FROM datatable_import_job WHERE status = 'Processing' "
                        + "AND worker_id IS DISTINCT FROM ?1", String.class).setParameter(1, workerId)
                .getResultList());
        candidates.forEach(this::failIfOrphaned);
    }

    void onStop(@Observes ShutdownEvent event) {
        // This instance's jobs stop with it: say so now rather than when another instance notices.
        try {
            QuarkusTransaction.requiringNew().run(() -> ImportJob.<ImportJob>list("status = ?1 and workerId = ?2",
                    ImportStatus.Processing, workerId).forEach(job -> interrupt(job, "was shut down")));
        } catch (RuntimeException e) {
            Log.warnf("Could not mark this instance's import jobs interrupted: %s", e.getMessage());
        }
        if (lockHolder != null) {
            try {
                lockHolder.close();
            } catch (SQLException e) {
                Log.debugf("Closing the import worker's lock connection: %s", e.getMessage());
            }
        }
    }

    /** Marks the job failed when it is Processing and its worker is gone; returns true when it did. */
    public boolean failIfOrphaned(String jobId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Locked, skipping a job another instance is failing or restarting right now.
            boolean locked = !ImportJob.getEntityManager().createNativeQuery("SELECT id FROM datatable_import_job "
                    + "WHERE id = ?1 FOR UPDATE SKIP LOCKED").setParameter(1, jobId).getResultList().isEmpty();
            ImportJob job = locked ? ImportJob.findById(jobId) : null;
            if (job == null || job.status != ImportStatus.Processing || workerId.equals(job.workerId)
                    || (job.workerId != null && alive(job.workerId))) {
                return false;
            }
            interrupt(job, "stopped");
            Log.warnf("Import job %s failed: its worker %s is gone", jobId, job.workerId);
            return true;
        });
    }

    private static void interrupt(ImportJob job, String how) {
        job.status = ImportStatus.Failed;
        job.interrupted = true;
        job.errorMessage = "The import was interrupted: the instance processing it " + how + ". Rows of the batches "
                + "it had committed are in the table. Upload the file again to the job's uploadURI to restart it "
                + "(Append adds nothing twice; ReplaceAll ends with the file's rows).";
        job.dateCompleted = Instant.now();
    }

    /** True when another session holds the worker's lock (so that instance is still running). */
    private boolean alive(String otherWorker) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
                ps.setInt(1, LOCK_SPACE);
                ps.setString(2, otherWorker);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return !rs.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check import worker " + otherWorker + ": " + e.getMessage(), e);
        }
    }
}
