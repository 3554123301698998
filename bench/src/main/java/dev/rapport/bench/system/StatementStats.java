package dev.rapport.bench.system;

import dev.rapport.bench.load.Summary;
import dev.rapport.bench.report.BenchResults;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads pg_stat_statements and pg_stat_database from the {@code postgres} database of the bench's PostgreSQL (the
 * launcher preloads the extension and lets the application role read every statement), so a measurement can say
 * what one call costs in statements and commits. When it cannot be read, {@link #unavailable()} says why.
 */
public final class StatementStats implements AutoCloseable {
    /** Every database but this one (where the snapshots themselves run) and the templates. */
    private static final String OTHERS = "d.datname NOT IN (current_database(), 'template0', 'template1')";
    private static final String STATEMENTS = "SELECT d.datname, s.queryid, left(min(s.query), 400), sum(s.calls)::bigint,"
            + " sum(s.total_exec_time), sum(s.rows)::bigint, sum(s.shared_blks_hit)::bigint,"
            + " sum(s.shared_blks_read)::bigint, sum(s.wal_bytes)::bigint"
            + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
            + " WHERE s.queryid IS NOT NULL AND " + OTHERS + " GROUP BY d.datname, s.queryid";
    private static final String DATABASES = "SELECT d.datname, d.xact_commit, d.xact_rollback FROM pg_stat_database d"
            + " WHERE d.datname IS NOT NULL AND " + OTHERS;
    private static final String COMMITS = "SELECT coalesce(sum(d.xact_commit), 0)::bigint FROM pg_stat_database d"
            + " WHERE d.datname IS NOT NULL AND " + OTHERS;
    private static final int TOP = 8;

    private final Connection connection;
    private String unavailable;

    private StatementStats(Connection connection, String unavailable) {
        this.connection = connection;
        this.unavailable = unavailable;
    }

    /** Connects to the {@code postgres} database of the server {@code jdbcUrl} names; never throws. */
    public static StatementStats open(String jdbcUrl, String user, String password) {
        try {
            return new StatementStats(DriverManager.getConnection(postgresDatabase(jdbcUrl), user, password), null);
        } catch (SQLException e) {
            return new StatementStats(null, "cannot connect to " + postgresDatabase(jdbcUrl) + ": " + e.getMessage());
        }
    }

    /** The same server's {@code postgres} database: where the launcher created the extension. */
    static String postgresDatabase(String jdbcUrl) {
        int authority = jdbcUrl.indexOf("//");
        int path = jdbcUrl.indexOf('/', authority < 0 ? 0 : authority + 2);
        if (path < 0) {
            int query = jdbcUrl.indexOf('?');
            return query < 0 ? jdbcUrl + "/postgres" : jdbcUrl.substring(0, query) + "/postgres" + jdbcUrl.substring(query);
        }
        int query = jdbcUrl.indexOf('?', path);
        return jdbcUrl.substring(0, path) + "/postgres" + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** The counters now; empty (and {@link #unavailable()} set) when they cannot be read. */
    public Optional<PgStatements.Snapshot> snapshot() {
        if (connection == null) {
            return Optional.empty();
        }
        try (Statement st = connection.createStatement()) {
            List<PgStatements.Statement> statements = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(STATEMENTS)) {
                while (rs.next()) {
                    statements.add(new PgStatements.Statement(rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getLong(4), rs.getDouble(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
                }
            }
            List<PgStatements.Database> databases = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(DATABASES)) {
                while (rs.next()) {
                    databases.add(new PgStatements.Database(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            long dealloc;
            try (ResultSet rs = st.executeQuery("SELECT dealloc FROM pg_stat_statements_info")) {
                dealloc = rs.next() ? rs.getLong(1) : 0;
            }
            return Optional.of(new PgStatements.Snapshot(statements, databases, dealloc));
        } catch (SQLException e) {
            unavailable = e.getMessage();
            return Optional.empty();
        }
    }

    /**
     * A snapshot once the commit counters stopped moving for a second (at most {@code max}): pg_stat_statements
     * counts at once, but each backend adds its transactions to pg_stat_database at most once a second, and an idle
     * one within 10 s.
     */
    public Optional<PgStatements.Snapshot> settledSnapshot(Duration max) {
        if (connection == null) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + max.toNanos();
        try (Statement st = connection.createStatement()) {
            long last = commits(st);
            while (System.nanoTime() < deadline) {
                TimeUnit.SECONDS.sleep(1);
                long now = commits(st);
                if (now == last) {
                    break;
                }
                last = now;
            }
        } catch (SQLException e) {
            unavailable = e.getMessage();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return snapshot();
    }

    /**
     * The work since {@code before} (taken just before the measurement's first call), per call placed: added to
     * {@code results} with a note when pg_stat_statements evicted entries meanwhile, or a note why there is none.
     */
    public List<BenchResults.DatabaseWork> since(Optional<PgStatements.Snapshot> before, String stage, Summary calls,
                                                 BenchResults results) {
        Optional<PgStatements.Snapshot> after = before.isPresent() ? settledSnapshot(Duration.ofSeconds(12)) : Optional.empty();
        String where = stage + " at " + calls.offeredRate() + "/s";
        if (before.isEmpty() || after.isEmpty()) {
            results.note(where + ": per-statement figures unavailable (" + unavailable().orElse("no snapshot") + ")");
            return List.of();
        }
        if (after.get().deallocations() > before.get().deallocations()) {
            results.note(where + ": pg_stat_statements evicted " + (after.get().deallocations() - before.get().deallocations())
                    + " entries during the measurement (pg_stat_statements.max): the per-statement figures are a lower bound");
        }
        List<BenchResults.DatabaseWork> work = PgStatements.perCall(stage, calls.offeredRate(), before.get(), after.get(),
                calls.sent(), calls.completed(), TOP);
        results.statements.addAll(work);
        return work;
    }

    private static long commits(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(COMMITS)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
