package dev.rapport.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's PostgreSQL keeps per-statement figures that the application role can read, across restarts. */
class LocalPostgresTest {

    @TempDir
    Path dir;

    @Test
    void theApplicationRoleReadsEveryRolesStatementsAfterEachStart() throws Exception {
        InfraSettings settings = InfraSettings.defaults(dir.resolve("data"), Map.of())
                .withPostgresBinariesDir(Path.of("target", "pg-binaries"))
                .withPorts(freePort(), 0, 0);
        for (int start = 1; start <= 2; start++) {
            // a table of its own: statements that differ only in constants or aliases share one entry (and its first text)
            String marker = "marker_" + UUID.randomUUID().toString().replace("-", "");
            try (LocalPostgres ignored = LocalPostgres.start(settings)) {
                // run by the superuser: without pg_read_all_stats its text would read "<insufficient privilege>"
                try (Connection su = DriverManager.getConnection(settings.jdbcBase() + "postgres", "postgres", "");
                     Statement st = su.createStatement()) {
                    st.execute("CREATE TABLE " + marker + " (id int)");
                    st.execute("SELECT count(*) FROM " + marker);
                }
                try (Connection app = DriverManager.getConnection(settings.jdbcBase() + "postgres", "rapport", "rapport");
                     PreparedStatement q = app.prepareStatement(
                             "SELECT query, calls FROM pg_stat_statements WHERE query LIKE 'SELECT count(*) FROM ' || ?")) {
                    q.setString(1, marker);
                    try (ResultSet rs = q.executeQuery()) {
                        assertThat(rs.next()).as("start %d: the superuser's statement is in pg_stat_statements", start).isTrue();
                        assertThat(rs.getString("query")).contains(marker);
                        assertThat(rs.getLong("calls")).isEqualTo(1);
                    }
                }
            }
        }
        String conf = Files.readString(settings.dataDir().resolve("postgres").resolve("postgresql.conf"));
        assertThat(conf.split("include_if_exists = 'rapport.conf'", -1)).as("included once, not once per start").hasSize(2);
    }

    @Test
    void withoutTheLibraryNothingIsPreloadedSoTheServerCanStillStart() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("postgresql.conf"), "port = 5432\n");
        Path binaries = Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(binaries.resolve("PG-old").resolve("lib").resolve("postgresql"));
        Files.createFile(binaries.resolve("PG-old").resolve("lib").resolve("postgresql").resolve("pg_stat_statements.so"));
        Files.createDirectories(binaries.resolve("PG-new").resolve("lib").resolve("postgresql"));

        assertThat(LocalPostgres.writeOwnConf(data, binaries)).as("one set of binaries lacks it").isFalse();
        assertThat(Files.readString(data.resolve("rapport.conf"))).doesNotContain("shared_preload_libraries");

        Files.createFile(binaries.resolve("PG-new").resolve("lib").resolve("postgresql").resolve("pg_stat_statements.so"));
        assertThat(LocalPostgres.writeOwnConf(data, binaries)).isTrue();
        assertThat(Files.readString(data.resolve("rapport.conf")))
                .contains("shared_preload_libraries = 'pg_stat_statements'");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
