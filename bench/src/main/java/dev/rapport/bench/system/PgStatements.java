package dev.rapport.bench.system;

import dev.rapport.bench.report.BenchResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's cumulative counters (pg_stat_statements, pg_stat_database) at one instant, and what a measurement
 * cost between two such instants: per database (one per service) its statements and commits per call, and its
 * statements with the most time.
 */
public final class PgStatements {
    /** Query texts in the report: whitespace collapsed, at most this long. */
    static final int QUERY_CHARS = 100;

    private PgStatements() {
    }

    /** One statement's counters in one database, summed over the roles that ran it. */
    public record Statement(String database, long queryId, String query, long calls, double totalMs, long rows,
                            long sharedBlksHit, long sharedBlksRead, long walBytes) {
    }

    /** One database's transactions. */
    public record Database(String name, long commits, long rollbacks) {
    }

    /** {@code deallocations}: entries pg_stat_statements evicted so far (pg_stat_statements_info.dealloc). */
    public record Snapshot(List<Statement> statements, List<Database> databases, long deallocations) {
    }

    /**
     * The work between {@code before} and {@code after}, per database, divided by the {@code calls} placed
     * ({@code popped}: how many of them reached the stream, for the reader); databases by their statement time, each
     * with its {@code top} statements by time. A statement whose count went down was evicted and came back: its
     * counters since then are all it has.
     */
    public static List<BenchResults.DatabaseWork> perCall(String stage, double rate, Snapshot before, Snapshot after,
                                                          long calls, long popped, int top) {
        Map<String, Statement> earlier = new HashMap<>();
        before.statements().forEach(s -> earlier.put(s.database() + '\u0000' + s.queryId(), s));
        Map<String, List<Statement>> byDatabase = new LinkedHashMap<>();
        for (Statement now : after.statements()) {
            Statement then = earlier.get(now.database() + '\u0000' + now.queryId());
            Statement d = then == null || now.calls() < then.calls() ? now : minus(now, then);
            if (d.calls() > 0) {
                byDatabase.computeIfAbsent(d.database(), k -> new ArrayList<>()).add(d);
            }
        }
        Map<String, Database> commitsBefore = new HashMap<>();
        before.databases().forEach(d -> commitsBefore.put(d.name(), d));
        for (Database d : after.databases()) {
            Database then = commitsBefore.get(d.name());
            if (then == null || d.commits() > then.commits()) {
                byDatabase.computeIfAbsent(d.name(), k -> new ArrayList<>());
            }
        }
        List<BenchResults.DatabaseWork> out = new ArrayList<>();
        for (Map.Entry<String, List<Statement>> e : byDatabase.entrySet()) {
            List<Statement> statements = e.getValue();
            statements.sort(Comparator.comparingDouble(Statement::totalMs).reversed());
            double ms = statements.stream().mapToDouble(Statement::totalMs).sum();
            long count = statements.stream().mapToLong(Statement::calls).sum();
            Database now = after.databases().stream().filter(d -> d.name().equals(e.getKey())).findFirst()
                    .orElse(new Database(e.getKey(), 0, 0));
            Database then = commitsBefore.getOrDefault(e.getKey(), new Database(e.getKey(), 0, 0));
            List<BenchResults.StatementWork> rows = statements.stream().limit(top).map(s -> new BenchResults.StatementWork(
                    shorten(s.query()), s.calls(), calls > 0 ? (double) s.calls() / calls : Double.NaN,
                    s.totalMs() / s.calls(), s.totalMs(), ms > 0 ? s.totalMs() / ms : Double.NaN, s.rows(),
                    s.sharedBlksHit(), s.sharedBlksRead(), s.walBytes())).toList();
            out.add(new BenchResults.DatabaseWork(stage, rate, e.getKey(), calls, popped, count, ms,
                    Math.max(0, now.commits() - then.commits()), Math.max(0, now.rollbacks() - then.rollbacks()), rows));
        }
        out.sort(Comparator.comparingDouble(BenchResults.DatabaseWork::statementMs).reversed());
        return out;
    }

    /** One line of at most {@value #QUERY_CHARS} characters: a table cell, not the statement. */
    static String shorten(String query) {
        String line = query == null ? "" : query.replaceAll("\\s+", " ").trim();
        return line.length() <= QUERY_CHARS ? line : line.substring(0, QUERY_CHARS - 1) + "…";
    }

    private static Statement minus(Statement a, Statement b) {
        return new Statement(a.database(), a.queryId(), a.query(), a.calls() - b.calls(), a.totalMs() - b.totalMs(),
                a.rows() - b.rows(), a.sharedBlksHit() - b.sharedBlksHit(), a.sharedBlksRead() - b.sharedBlksRead(),
                a.walBytes() - b.walBytes());
    }
}
