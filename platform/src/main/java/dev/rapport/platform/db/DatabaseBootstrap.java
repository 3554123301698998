package dev.rapport.platform.db;

import dev.rapport.platform.RapportConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Makes the service's database ready before anything else starts: creates it on the server when missing (so a fresh
 * PostgreSQL needs no setup), then applies the Flyway migrations.
 */
@ApplicationScoped
public class DatabaseBootstrap {
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?$");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final RapportConfig config;
    private final Flyway flyway;
    private final String url;
    private final String user;
    private final String password;

    DatabaseBootstrap(RapportConfig config, Flyway flyway,
                      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.flyway = flyway;
        this.url = url;
        this.user = user.orElse("");
        this.password = password.orElse("");
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (config.database().createIfMissing()) {
            createIfMissing();
        }
        var result = flyway.migrate();
        Log.infof("Database schema at version %s (%d migrations applied)",
                result.targetSchemaVersion == null ? flyway.info().current().getVersion() : result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    private void createIfMissing() {
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            Log.warnf("Not a PostgreSQL JDBC URL, so the database is not created when missing: %s", url);
            return;
        }
        String database = m.group(2);
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalStateException("Database name '" + database
                    + "' must be letters, digits and underscores to be created automatically; create it by hand or "
                    + "set RAPPORT_DATABASE_CREATE_IF_MISSING=false");
        }
        String maintenanceUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        Properties props = new Properties();
        if (!user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(maintenanceUrl, props)) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (var create = c.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
                Log.infof("Created database %s", database);
            } catch (SQLException e) {
                // Another instance of the service created it at the same moment.
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + maintenanceUrl + " to create database '"
                    + database + "': " + e.getMessage(), e);
        }
    }
}
