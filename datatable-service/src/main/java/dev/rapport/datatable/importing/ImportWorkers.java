package dev.rapport.datatable.importing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
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
 * connection dies. A {@code Processing} job whose worker's lock can be taken has lost its worker and is failed.
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

    void onStop(@Observes ShutdownEvent event) {
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
            ImportJob job = ImportJob.findById(jobId);
            if (job == null || job.status != ImportStatus.Processing || workerId.equals(job.workerId)
                    || (job.workerId != null && alive(job.workerId))) {
                return false;
            }
            job.status = ImportStatus.Failed;
            job.errorMessage = "The import was interrupted: the instance processing it stopped. Rows of the batches "
                    + "it had committed are in the table; import the file again.";
            job.dateCompleted = Instant.now();
            Log.warnf("Import job %s failed: its worker %s is gone", jobId, job.workerId);
            return true;
        });
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
