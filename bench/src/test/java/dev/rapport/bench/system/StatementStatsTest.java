package dev.rapport.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.bench.load.Summary;
import dev.rapport.bench.report.BenchResults;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementStatsTest {

    @Test
    void thePostgresDatabaseOfTheSameServerIsRead() {
        assertThat(StatementStats.postgresDatabase("jdbc:postgresql://127.0.0.1:15432/datatable"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:15432/postgres");
        assertThat(StatementStats.postgresDatabase("jdbc:postgresql://db:5432/datatable?sslmode=disable&x=a/b"))
                .isEqualTo("jdbc:postgresql://db:5432/postgres?sslmode=disable&x=a/b");
        assertThat(StatementStats.postgresDatabase("jdbc:postgresql://db:5432")).isEqualTo("jdbc:postgresql://db:5432/postgres");
    }

    @Test
    void statementsRunBetweenTwoSnapshotsAreCountedPerCall() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(Path.of(System.getProperty("java.io.tmpdir"), "rapport-embedded-pg").toFile())
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("fsync", "off")
                .start()) {
            String base = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/";
            try (Connection su = DriverManager.getConnection(base + "postgres", "postgres", "");
                 Statement st = su.createStatement()) {
                st.execute("CREATE EXTENSION pg_stat_statements");
                st.execute("CREATE DATABASE script");
            }
            try (Connection c = DriverManager.getConnection(base + "script", "postgres", "");
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE outbox (id int PRIMARY KEY, payload text)");
            }
            try (StatementStats stats = StatementStats.open(base + "datatable", "postgres", "")) {
                // settled: the setup's connections may not have added their transactions to pg_stat_database yet
                Optional<PgStatements.Snapshot> before = stats.settledSnapshot(Duration.ofSeconds(5));
                assertThat(before).as(stats.unavailable().orElse("")).isPresent();
                // 5 calls: each inserts twice in one transaction, then reads once on its own
                try (Connection c = DriverManager.getConnection(base + "script", "postgres", "")) {
                    for (int call = 0; call < 5; call++) {
                        c.setAutoCommit(false);
                        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox VALUES (?, 'x')")) {
                            insert.setInt(1, 2 * call);
                            insert.executeUpdate();
                            insert.setInt(1, 2 * call + 1);
                            insert.executeUpdate();
                        }
                        c.commit();
                        c.setAutoCommit(true);
                        try (PreparedStatement read = c.prepareStatement("SELECT payload FROM outbox WHERE id = ?")) {
                            read.setInt(1, call);
                            read.executeQuery().close();
                        }
                    }
                }
                BenchResults results = new BenchResults();
                Summary calls = new Summary("pop", 5, 5, 5, 0, 0, 1, 1, 1, 1, 1, 5);

                List<BenchResults.DatabaseWork> work = stats.since(before, "1 screen pop", calls, results);

                assertThat(results.notes).isEmpty();
                assertThat(work).extracting(BenchResults.DatabaseWork::database).as("the probe's own database is left out")
                        .containsExactly("script");
                BenchResults.DatabaseWork script = work.get(0);
                assertThat(script.top()).filteredOn(s -> s.query().startsWith("INSERT INTO outbox"))
                        .singleElement().satisfies(s -> {
                            assertThat(s.calls()).isEqualTo(10);
                            assertThat(s.callsPerCall()).isEqualTo(2.0);
                            assertThat(s.rows()).isEqualTo(10);
                        });
                assertThat(script.top()).filteredOn(s -> s.query().equals("SELECT payload FROM outbox WHERE id = $1"))
                        .singleElement().satisfies(s -> assertThat(s.callsPerCall()).isEqualTo(1.0));
                // one transaction per insert pair and one per read, plus two of the connection's own: the backend's
                // start and pgjdbc's SET application_name
                assertThat(script.commits()).as(script.toString()).isEqualTo(12);
                assertThat(results.statements).isEqualTo(work);
            }
        }
    }

    @Test
    void withoutTheExtensionTheFiguresAreUnavailableWithAReason() throws Exception {
        try (StatementStats stats = StatementStats.open("jdbc:postgresql://127.0.0.1:1/datatable", "rapport", "rapport")) {
            BenchResults results = new BenchResults();
            List<BenchResults.DatabaseWork> work = stats.since(stats.snapshot(), "1 screen pop",
                    new Summary("pop", 5, 5, 5, 0, 0, 1, 1, 1, 1, 1, 5), results);

            assertThat(work).isEmpty();
            assertThat(results.notes).singleElement().asString()
                    .contains("per-statement figures unavailable").contains("cannot connect to jdbc:postgresql://127.0.0.1:1/postgres");
        }
    }
}
