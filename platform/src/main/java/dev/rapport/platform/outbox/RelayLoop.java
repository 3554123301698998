package dev.rapport.platform.outbox;

import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The relay's thread: each round it balances its shard leases, publishes one batch of its shards and, when there is
 * nothing more, waits for a wake-up (a commit on this instance) or the poll interval. An exception pauses it with a
 * growing back-off; an {@link Error} (out of memory, ...) ends the thread, and readiness then reports it down.
 */
final class RelayLoop implements Runnable {
    private final DataSource dataSource;
    private final ShardLeases leases;
    private final OutboxBatchPublisher publisher;
    private final RelaySettings settings;
    private final RelayMetrics metrics;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running = true;
    private volatile long lastRoundNanos = System.nanoTime();
    private volatile Set<Integer> owned = Set.of();
    /** Creation time of the oldest row left unpublished by the last round, null when it left none. */
    private volatile Instant backlogSince;

    RelayLoop(DataSource dataSource, OutboxBatchPublisher publisher, RelaySettings settings, RelayMetrics metrics) {
        this.dataSource = dataSource;
        this.leases = new ShardLeases(settings.owner(), settings.shards(), settings.leaseTtl());
        this.publisher = publisher;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Ends the current wait at once: rows were just committed. */
    void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    /** Time since the last round that completed, for readiness. */
    Duration sinceLastRound() {
        return Duration.ofNanos(System.nanoTime() - lastRoundNanos);
    }

    /** How long the oldest row the last round left in this instance's shards has waited; zero when none is left. */
    Duration backlogAge() {
        Instant since = backlogSince;
        return since == null ? Duration.ZERO : Duration.between(since, Instant.now()).abs();
    }

    Set<Integer> owned() {
        return owned;
    }

    /**
     * Asks the loop to end: it finishes its round, publishes what its shards still hold (for at most
     * {@code drainTimeout}), and ends; then {@link #releaseLeases} lets the other instances take over at once.
     */
    void stop() {
        running = false;
        wake();
    }

    void releaseLeases() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            leases.releaseAll(c);
        } catch (SQLException e) {
            Log.warnf("Outbox leases of %s not released, they expire in %s: %s", settings.owner(),
                    settings.leaseTtl(), e.getMessage());
        }
    }

    @Override
    public void run() {
        long backoffMillis = 100;
        try {
            while (running) {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(true);
                    leases.prepare(c);
                    while (running) {
                        backoffMillis = round(c, backoffMillis);
                    }
                    drain(c);
                } catch (SQLException | RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    Log.warnf("Outbox relay %s paused %d ms: %s", settings.owner(), backoffMillis, e.toString());
                    pause(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, 5_000);
                }
            }
        } catch (Error e) {
            Log.errorf(e, "Outbox relay %s stopped: %s; readiness is down", settings.owner(), e);
            throw e;
        }
    }

    /** One round; returns the back-off for the next pause. */
    private long round(Connection c, long backoffMillis) throws SQLException {
        owned = leases.balance(c);
        metrics.shardsOwned(owned.size());
        OutboxBatchPublisher.Result result = publisher.publish(c, owned, settings.batchSize());
        metrics.lagMillis(result.oldest() == null ? 0
                : Math.max(0, Duration.between(result.oldest(), Instant.now()).toMillis()));
        lastRoundNanos = System.nanoTime();
        backlogSince = result.kept() > 0 || result.read() >= settings.batchSize() ? result.oldest() : null;
        if (result.kept() > 0) {
            // the broker is not taking records now: do not spin on the rows it refused
            pause(backoffMillis);
            return Math.min(backoffMillis * 2, 5_000);
        }
        if (result.read() < settings.batchSize()) {
            pause(settings.pollInterval().toMillis());
        }
        return 100;
    }

    /**
     * On stop: rows committed just before it (the last requests of a rolling restart) go out now rather than after
     * this instance's leases expire. Stops early when the broker refuses rows; those wait for the next owner.
     */
    private void drain(Connection c) throws SQLException {
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        int published = 0;
        while (System.nanoTime() < deadline) {
            OutboxBatchPublisher.Result result = publisher.publish(c, owned, settings.batchSize());
            published += result.published() + result.deadLettered();
            if (result.kept() > 0) {
                Log.warnf("Outbox relay %s stops with %d rows the broker did not take; the next owner of their "
                        + "shards publishes them", settings.owner(), result.kept());
                break;
            }
            if (result.read() < settings.batchSize()) {
                break;
            }
        }
        if (published > 0) {
            Log.infof("Outbox relay %s published %d rows before stopping", settings.owner(), published);
        }
    }

    /** Waits up to {@code millis}, less when woken. */
    private void pause(long millis) {
        try {
            if (wakeups.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                wakeups.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
