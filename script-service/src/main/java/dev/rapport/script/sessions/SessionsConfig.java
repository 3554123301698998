package dev.rapport.script.sessions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The session core's settings; each has an environment variable (RAPPORT_SESSIONS_...). */
@ConfigMapping(prefix = "rapport.sessions")
public interface SessionsConfig {
    /** How long a session waits for a data action's result before taking the failure path. */
    @WithDefault("20s")
    Duration actionTimeout();

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

    /** The inbound flow's data table lookups, read from datatable-service (RAPPORT_SESSIONS_LOOKUPS_...). */
    interface Lookups {
        @WithDefault("http://127.0.0.1:8081")
        String datatableUrl();

        /** Where script-service takes its token (client-credentials grant); role 'service' reads rows. */
        @WithDefault("http://127.0.0.1:8080/oauth/token")
        String tokenUrl();

        @WithDefault("script-service")
        String clientId();

        /** No default: set RAPPORT_SESSIONS_LOOKUPS_CLIENT_SECRET (the demo and tests set their own). */
        Optional<String> clientSecret();

        /** Longest wait for one row; past it the flow takes its failure path. */
        @WithDefault("2s")
        Duration timeout();

        /** Reads in flight at once; one more is refused at once (failure path) rather than queued. */
        @WithDefault("64")
        int concurrency();

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
