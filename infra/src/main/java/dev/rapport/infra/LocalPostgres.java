package dev.rapport.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (io.zonky.test binaries from Maven Central) on a data folder that is kept between runs,
 * with a login role that may create databases, so that the services' defaults (user rapport, password rapport)
 * work and each service creates its own database. pg_stat_statements is preloaded (when the binaries have it) so that
 * the bench can say what each statement costs.
 */
final class LocalPostgres implements AutoCloseable {
    /** zonky's lock file in the data folder, held while a launcher owns the server. */
    private static final String LAUNCHER_LOCK = "epg-lock";
    private static final String STATEMENTS = "pg_stat_statements";
    /** Settings of ours, rewritten at every start and included from postgresql.conf. */
    private static final String OWN_CONF = "rapport.conf";

    private final EmbeddedPostgres server;
    private final String version;

    private LocalPostgres(EmbeddedPostgres server, String version) {
        this.server = server;
        this.version = version;
    }

    static LocalPostgres start(InfraSettings s) throws IOException, SQLException {
        Path dataDir = s.dataDir().resolve("postgres").toAbsolutePath();
        Path binaries = s.postgresBinariesDir().toAbsolutePath();
        Files.createDirectories(binaries);
        Files.createDirectories(s.logsDir());
        // zonky also sweeps a "parent" working folder for stale temporary clusters; keep that under ours, not /tmp.
        System.setProperty("ot.epg.working-dir", binaries.toString());
        stopOrphanedServer(dataDir);
        RapportInfra.checkPortFree(s.host(), s.postgresPort());

        var log = ProcessBuilder.Redirect.appendTo(s.logsDir().resolve("postgres.log").toFile());
        AtomicBoolean statements = new AtomicBoolean();
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(s.postgresPort())
                // The data outlives runs: keep fsync so an OS crash cannot corrupt it. Commits stay asynchronous
                // (zonky's default), which loses at most the last fraction of a second, never consistency.
                .setServerConfig("fsync", "on")
                .setServerConfig("listen_addresses", s.host())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                // runs once the binaries are unpacked and before the server starts: only then can the library be looked for
                .setDataDirectoryCustomizer(dir -> statements.set(writeOwnConf(dir.toPath(), binaries)))
                .start();
        try {
            String version = ensureRole(server, s.dbUser(), s.dbPassword());
            if (statements.get()) {
                enableStatementStatistics(server, s.dbUser());
            } else {
                System.out.println("postgres: " + STATEMENTS + " is not in the PostgreSQL binaries; the bench's per-statement"
                        + " figures are unavailable");
            }
            return new LocalPostgres(server, version);
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    String version() {
        return version;
    }

    /** Creates the login role, or brings its password and rights up to date; returns the server version. */
    private static String ensureRole(EmbeddedPostgres server, String user, String password) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            boolean exists;
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                q.setString(1, user);
                try (ResultSet rs = q.executeQuery()) {
                    exists = rs.next();
                }
            }
            String role = "\"" + user.replace("\"", "\"\"") + "\"";
            String secret = "'" + password.replace("'", "''") + "'";
            st.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " WITH LOGIN CREATEDB PASSWORD " + secret);
            try (ResultSet rs = st.executeQuery("SHOW server_version")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /**
     * Writes {@value #OWN_CONF} (preloading pg_stat_statements when every unpacked set of binaries has its library:
     * a missing preload library stops the server from starting) and includes it from postgresql.conf once.
     */
    static boolean writeOwnConf(Path dataDir, Path binaries) {
        try {
            boolean shipped = statementsLibraryShipped(binaries);
            Path conf = dataDir.resolve("postgresql.conf");
            String include = "include_if_exists = '" + OWN_CONF + "'";
            if (!Files.readString(conf, StandardCharsets.UTF_8).contains(include)) {
                Files.writeString(conf, "\n# settings of the Rapport launcher, rewritten at every start\n" + include + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
            // track = top (the default, stated): statements sent by clients, not those inside functions; cheap
            Files.writeString(dataDir.resolve(OWN_CONF), shipped
                    ? "shared_preload_libraries = '" + STATEMENTS + "'\n" + STATEMENTS + ".track = top\n"
                    : "# " + STATEMENTS + " is not in the binaries: not preloaded\n", StandardCharsets.UTF_8);
            return shipped;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** zonky unpacks each archive it was given into its own PG-{digest} folder under the working directory. */
    private static boolean statementsLibraryShipped(Path binaries) throws IOException {
        try (Stream<Path> dirs = Files.list(binaries)) {
            List<Path> unpacked = dirs.filter(d -> d.getFileName().toString().startsWith("PG-") && Files.isDirectory(d))
                    .toList();
            return !unpacked.isEmpty() && unpacked.stream().allMatch(d ->
                    Files.exists(d.resolve("lib/postgresql/" + STATEMENTS + ".so"))
                            || Files.exists(d.resolve("lib/" + STATEMENTS + ".so")));
        }
    }

    /**
     * The view lives in the postgres database and shows every database's statements; pg_read_all_stats lets the
     * application role (the bench logs in as it) read the text and figures of statements other roles ran.
     */
    private static void enableStatementStatistics(EmbeddedPostgres server, String user) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS " + STATEMENTS);
            st.execute("GRANT pg_read_all_stats TO \"" + user.replace("\"", "\"\"") + "\"");
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its postmaster running and the data folder's postmaster.pid in place; the
     * next start would then fail with "another server might be running". Stop such an orphan (fast shutdown), but
     * never a server whose launcher is still alive (it holds the lock file).
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        boolean isPostgres = process.filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().command())
                .map(cmd -> cmd.endsWith("/postgres"))
                .orElse(false);
        if (!isPostgres) {
            return; // stale file of a dead server: PostgreSQL itself ignores it
        }
        if (launcherAlive(dataDir)) {
            throw new IllegalStateException("PostgreSQL on " + dataDir + " is in use by another running launcher"
                    + " (stop it with ./rapport down)");
        }
        long pid = process.get().pid();
        System.out.println("postgres: stopping the server left running by a killed launcher (pid " + pid + ")");
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the orphaned PostgreSQL server, pid " + pid, e);
        }
    }

    private static boolean launcherAlive(Path dataDir) throws IOException {
        try (FileOutputStream out = new FileOutputStream(dataDir.resolve(LAUNCHER_LOCK).toFile(), true);
             FileLock lock = out.getChannel().tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
