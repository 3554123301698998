package dev.rapport.script.clients;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How script-service reaches datatable-service for the inbound flow's row lookups (RAPPORT_SESSIONS_LOOKUPS_...).
 * The names predate this client and are kept; the cache of rows is configured in {@code SessionsConfig.Lookups}.
 */
@ConfigMapping(prefix = "rapport.sessions.lookups")
public interface DataTableServiceConfig {
    @WithDefault("http://127.0.0.1:8081")
    String datatableUrl();

    /** Where script-service takes its token (client-credentials grant); role 'service' reads rows. */
    @WithDefault("http://127.0.0.1:8080/oauth/token")
    String tokenUrl();

    @WithDefault("script-service")
    String clientId();

    /** No default: set RAPPORT_SESSIONS_LOOKUPS_CLIENT_SECRET (the demo and tests set their own). */
    Optional<String> clientSecret();

    /** Longest wait for one row, retries included; past it the flow takes its failure path. */
    @WithDefault("2s")
    Duration timeout();

    /** Reads in flight at once; one more is refused at once (failure path) rather than queued. */
    @WithDefault("64")
    int concurrency();

    /** Reads again after a refused connection or a 502/503/504 (a read changes nothing, so this is safe). */
    @WithDefault("1")
    int retries();

    @WithDefault("50ms")
    Duration retryDelay();

    /** The circuit opens when this share of the last reads failed (unreachable, timed out, 5xx)... */
    @WithDefault("0.5")
    double circuitFailureRatio();

    /** ...over this many reads... */
    @WithDefault("20")
    int circuitRequestVolume();

    /** ...and stays open this long: lookups take the failure path at once instead of waiting on a failing service. */
    @WithDefault("10s")
    Duration circuitDelay();
}
