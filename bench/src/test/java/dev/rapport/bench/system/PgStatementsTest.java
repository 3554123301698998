package dev.rapport.bench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.bench.report.BenchResults;
import dev.rapport.bench.report.JsonReport;
import dev.rapport.bench.report.MarkdownReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgStatementsTest {
    private static final String SELECT_ROW = "SELECT row_values, version\n   FROM datatable_row\n  WHERE table_id = $1 AND row_key = $2";

    private static PgStatements.Statement st(String db, long id, String query, long calls, double ms) {
        return new PgStatements.Statement(db, id, query, calls, ms, calls, calls * 3, calls / 10, calls * 100);
    }

    private static PgStatements.Snapshot before() {
        return new PgStatements.Snapshot(List.of(
                st("datatable", 1, SELECT_ROW, 500, 100),
                st("script", 7, "INSERT INTO outbox (id, payload) VALUES ($1, $2)", 1_000, 400),
                st("script", 8, "COMMIT", 2_000, 30),
                st("script", 9, "SELECT idle FROM nothing_happened", 50, 5)),
                List.of(new PgStatements.Database("datatable", 10_000, 1), new PgStatements.Database("script", 20_000, 0),
                        new PgStatements.Database("action", 300, 0)), 0);
    }

    @Test
    void oneCallCostsTheDifferenceDividedByTheCallsPlaced() {
        PgStatements.Snapshot after = new PgStatements.Snapshot(List.of(
                st("datatable", 1, SELECT_ROW, 1_500, 300),
                st("script", 7, "INSERT INTO outbox (id, payload) VALUES ($1, $2)", 4_000, 1_600),
                st("script", 8, "COMMIT", 8_000, 150),
                st("script", 9, "SELECT idle FROM nothing_happened", 50, 5),
                st("script", 10, "UPDATE interaction SET state = $1 WHERE id = $2", 3_000, 250)),
                List.of(new PgStatements.Database("datatable", 11_000, 1), new PgStatements.Database("script", 26_000, 2),
                        new PgStatements.Database("action", 300, 0)), 0);

        List<BenchResults.DatabaseWork> work = PgStatements.perCall("1 screen pop", 1000, before(), after, 1_000, 900, 2);

        assertThat(work).extracting(BenchResults.DatabaseWork::database).as("by statement time; action did nothing")
                .containsExactly("script", "datatable");
        BenchResults.DatabaseWork script = work.get(0);
        // 3,000 inserts + 6,000 commits + 3,000 updates (new since before); the idle statement did not run
        assertThat(script.statements()).isEqualTo(12_000);
        assertThat(script.statementsPerCall()).isEqualTo(12.0);
        assertThat(script.commits()).isEqualTo(6_000);
        assertThat(script.commitsPerCall()).isEqualTo(6.0);
        assertThat(script.rollbacks()).isEqualTo(2);
        assertThat(script.statementMs()).isCloseTo(1_200 + 120 + 250, within(1e-9));
        assertThat(script.popped()).isEqualTo(900);
        assertThat(script.top()).as("the top 2 by time").extracting(BenchResults.StatementWork::query)
                .containsExactly("INSERT INTO outbox (id, payload) VALUES ($1, $2)",
                        "UPDATE interaction SET state = $1 WHERE id = $2");
        BenchResults.StatementWork insert = script.top().get(0);
        assertThat(insert.calls()).isEqualTo(3_000);
        assertThat(insert.callsPerCall()).isEqualTo(3.0);
        assertThat(insert.meanMs()).isCloseTo(0.4, within(1e-9));
        assertThat(insert.totalMs()).isCloseTo(1_200, within(1e-9));
        assertThat(insert.share()).isCloseTo(1_200 / 1_570.0, within(1e-9));
        assertThat(insert.walBytes()).isEqualTo(300_000);

        BenchResults.DatabaseWork datatable = work.get(1);
        assertThat(datatable.statementsPerCall()).isEqualTo(1.0);
        assertThat(datatable.commitsPerCall()).isEqualTo(1.0);
        assertThat(datatable.top().get(0).query())
                .isEqualTo("SELECT row_values, version FROM datatable_row WHERE table_id = $1 AND row_key = $2");
    }

    @Test
    void anEvictedStatementThatCameBackCountsOnlyWhatItHasNow() {
        PgStatements.Snapshot after = new PgStatements.Snapshot(List.of(st("datatable", 1, SELECT_ROW, 200, 40)),
                before().databases(), 1);

        List<BenchResults.DatabaseWork> work = PgStatements.perCall("s", 10, before(), after, 100, 100, 5);

        assertThat(work).hasSize(1);
        assertThat(work.get(0).statements()).as("not 200 - 500").isEqualTo(200);
        assertThat(work.get(0).commits()).isZero();
    }

    @Test
    void queriesAreShortenedToOneLineOfAHundredCharacters() {
        String longQuery = "INSERT INTO session_state (interaction_id,\n\t  version, state, updated_at)\n VALUES "
                + "($1, $2, $3, now()) ON CONFLICT (interaction_id) DO UPDATE SET version = excluded.version, "
                + "state = excluded.state";

        String shown = PgStatements.shorten(longQuery);

        assertThat(shown).hasSize(100).endsWith("…").doesNotContain("\n").doesNotContain("\t").doesNotContain("  ")
                .startsWith("INSERT INTO session_state (interaction_id, version, state, updated_at) VALUES ($1, $2, $3, now())");
        assertThat(PgStatements.shorten("  COMMIT \n")).isEqualTo("COMMIT");
        assertThat(PgStatements.shorten(null)).isEmpty();
    }

    @Test
    void theReportsShowStatementsAndCommitsPerCallAndReadBack(@TempDir Path dir) throws Exception {
        BenchResults r = new BenchResults();
        r.statements.add(new BenchResults.DatabaseWork("1 screen pop", 1000, "script", 1_000, 900, 12_000, 1_570, 6_000, 0,
                List.of(new BenchResults.StatementWork("SELECT a || b FROM t", 3_000, 3, 0.4, 1_200, 0.764, 3_000, 9_000,
                        300, 300_000))));

        String md = MarkdownReport.render(r);

        assertThat(md).contains("| 1 screen pop | 1000 | script | 1000 (900) | 12.0 | 6.00 | 1.57 |")
                .contains("| script | `SELECT a \\|\\| b FROM t` | 3000 | 3.00 | 0.40 | 1200 | 76% |");
        JsonReport.write(r, dir);
        BenchResults back = JsonReport.read(dir.resolve("bench-results.json"));
        assertThat(back.statements).hasSize(1);
        assertThat(back.statements.get(0).commitsPerCall()).isEqualTo(6.0);
        assertThat(back.statements.get(0).top().get(0).query()).isEqualTo("SELECT a || b FROM t");
    }
}
