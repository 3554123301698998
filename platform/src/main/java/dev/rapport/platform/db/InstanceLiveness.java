package dev.rapport.platform.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells whether the instance that wrote an id into a row (a claim, a job) is still running. Each instance holds a
 * PostgreSQL advisory lock named after its id on a connection of its own for as long as it lives; PostgreSQL releases
 * it when the process or its connection dies (TCP keepalives on that connection notice a vanished host within about
 * 30 s). So "alive" needs no heartbeat table and no clock: another session holds the lock, or it does not.
 * The lock is taken on the first call to {@link #instanceId()}, so a service that never asks holds nothing. Its
 * connection is opened apart from the pool: a pooled one would be enlisted in the caller's transaction and handed
 * back (lock and all) at its end.
 */
@ApplicationScoped
public class InstanceLiveness {
    /** First half of the advisory lock's two-int key ("RPIL"), the second being the instance id's hash. */
    public static final int LOCK_SPACE = 0x5250494C;

    private final AgroalDataSource dataSource;
    private final String url;
    private final Properties credentials = new Properties();
    private final String instanceId = UUID.randomUUID().toString();
    private Connection lockHolder;

    InstanceLiveness(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                     @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                     @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.dataSource = dataSource;
        this.url = url;
        user.ifPresent(u -> credentials.setProperty("user", u));
        password.ifPresent(p -> credentials.setProperty("password", p));
    }

    /** This instance's id, to write into what it owns; it is alive for the others from the first call on. */
    public synchronized String instanceId() {
        if (lockHolder == null) {
            lockHolder = lock();
            if (lockHolder == null) {
                throw new IllegalStateException("The liveness lock of instance " + instanceId + " is still held by "
                        + "a session of this instance that PostgreSQL has not ended yet; try again shortly");
            }
        }
        return instanceId;
    }

    /** True when the instance is this one, or another session holds its lock (so it is still running). */
    public boolean alive(String otherInstance) {
        if (instanceId.equals(otherInstance)) {
            return true;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setString(2, otherInstance);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return !rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell whether instance " + otherInstance + " is alive: "
                    + e.getMessage(), e);
        }
    }

    /** Keeps the lock's connection in use and takes the lock again should the connection have been lost. */
    @Scheduled(every = "${rapport.liveness.check:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void check() {
        if (lockHolder == null) {
            return;
        }
        try (Statement s = lockHolder.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException e) {
            Log.warnf("The liveness lock's connection of instance %s was lost (%s); taking the lock again. Meanwhile "
                    + "other instances may see this one as gone and take over its work.", instanceId, e.getMessage());
            close();
            try {
                lockHolder = lock();
            } catch (IllegalStateException again) {
                Log.warnf("%s; next check in a moment", again.getMessage());
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (this) {
            close();
        }
    }

    /** @return the connection holding the lock, or null when a lost session of this instance still holds it */
    private Connection lock() {
        try {
            Connection c = DriverManager.getConnection(url, credentials);
            try (Statement s = c.createStatement()) {
                // Server-side keepalives: a host that vanishes without closing its socket frees the lock in ~30 s.
                s.execute("SET tcp_keepalives_idle = 10");
                s.execute("SET tcp_keepalives_interval = 5");
                s.execute("SET tcp_keepalives_count = 3");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
                ps.setInt(1, LOCK_SPACE);
                ps.setString(2, instanceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        c.close();
                        return null;
                    }
                }
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the liveness lock of instance " + instanceId + ": "
                    + e.getMessage(), e);
        }
    }

    private void close() {
        if (lockHolder != null) {
            try {
                lockHolder.close();
            } catch (SQLException e) {
                Log.debugf("Closing the liveness lock's connection: %s", e.getMessage());
            }
            lockHolder = null;
        }
    }
}
