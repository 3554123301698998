package dev.rapport.script.sessions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The session core's settings; each has an environment variable (RAPPORT_SESSIONS_...). */
@ConfigMapping(prefix = "rapport.sessions")
public interface SessionsConfig {
    /** How long a session waits for a data action's result before taking the failure path. */
    @WithDefault("20s")
    Duration actionTimeout();

    /**
     * How long a session waits for the telephony side's answer to an interaction command (transfer, callback,
     * disconnect) before its run fails visibly.
     */
    @WithDefault("30s")
    Duration commandTimeout();

    /** After a start, how long before overdue requests are ended (their results may be waiting in Kafka). */
    @WithDefault("30s")
    Duration startupGrace();

    /** How often overdue requests are looked for. */
    @WithDefault("1s")
    Duration timeoutCheck();

    /** Consumer threads of this instance: each owns a share of the partitions and applies its polls in batches. */
    @WithDefault("3")
    int consumers();

    /** Most records one poll (so one batch, one transaction) takes. */
    @WithDefault("500")
    int maxPollRecords();

    /**
     * Offsets are committed after each batch (0), or at most this often: fewer commits, and after a crash the inputs
     * since the last commit come again and are recognised as handled.
     */
    @WithDefault("0s")
    Duration commitInterval();

    /** How long an ended interaction's session stays on 'sessions' before its tombstone removes it. */
    @WithDefault("15m")
    Duration tombstoneAfter();

    /** How often ended interactions are looked for whose tombstone is due. */
    @WithDefault("30s")
    Duration tombstoneCheck();

    /**
     * Readiness is down while this instance's consumers have more records than this not yet polled
     * (RAPPORT_SESSIONS_READY_MAX_LAG): an instance that cannot keep up takes no more HTTP traffic.
     */
    @WithDefault("10000")
    long readyMaxLag();

    /** Run the consumers (tests of the HTTP API alone may turn them off). */
    @WithDefault("true")
    boolean enabled();

    Lookups lookups();

    /**
     * The cache of the inbound flow's data table lookups (RAPPORT_SESSIONS_LOOKUPS_...); how datatable-service is
     * reached (URL, token, timeout, retry, circuit breaker) is {@code clients.DataTableServiceConfig}, same prefix.
     */
    interface Lookups {
        /** Rows kept in memory (least recently used go first). */
        @WithDefault("100000")
        int cacheSize();

        /** A cached row is read again after this long even if no change was seen (a safety net, not the path). */
        @WithDefault("10m")
        Duration foundTtl();

        /** "No such row" is remembered this long, unless a change of the row comes first. */
        @WithDefault("30s")
        Duration notFoundTtl();
    }
}
