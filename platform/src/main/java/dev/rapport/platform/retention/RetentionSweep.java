package dev.rapport.platform.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Deletes the rows of a table older than its retention, a bounded batch per statement (each its own transaction),
 * so no statement holds locks for long; SKIP LOCKED lets instances running at the same time share the work.
 */
public final class RetentionSweep {
    private final DataSource dataSource;
    private final int batchSize;

    public RetentionSweep(DataSource dataSource, int batchSize) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
    }

    /** @return how many rows were deleted */
    public long sweep(RetainedTable t) throws SQLException {
        String sql = "DELETE FROM " + t.table() + " WHERE ctid IN (SELECT ctid FROM " + t.table() + " WHERE "
                + t.column() + " < now() - make_interval(secs => ?) LIMIT ? FOR UPDATE SKIP LOCKED)";
        long total = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setDouble(1, t.keep().toSeconds());
                ps.setInt(2, batchSize);
                int deleted;
                do {
                    deleted = ps.executeUpdate();
                    total += deleted;
                } while (deleted == batchSize);
            }
        }
        return total;
    }
}
