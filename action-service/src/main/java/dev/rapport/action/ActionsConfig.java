package dev.rapport.action;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of action-service (environment: RAPPORT_ACTIONS_...). */
@ConfigMapping(prefix = "rapport.actions")
public interface ActionsConfig {

    /** Rapport's own API, where relative {@code /api/v2/...} URLs go: the gateway (RAPPORT_ACTIONS_INTERNAL_BASE_URL). */
    @WithDefault("http://127.0.0.1:8080")
    String internalBaseUrl();

    /**
     * Bearer token of action-service's own identity (role {@code service}) for calls to Rapport's API
     * (RAPPORT_ACTIONS_INTERNAL_TOKEN). Unset (the default), the service takes its own from the gateway's
     * {@code /oauth/token} with its client credentials.
     */
    Optional<String> internalToken();

    /** Client id of action-service at the token issuer (RAPPORT_ACTIONS_CLIENT_ID). */
    @WithDefault("action-service")
    String clientId();

    /**
     * Its secret (RAPPORT_ACTIONS_CLIENT_SECRET). No default: only the dev, test and demo profiles set the gateway's
     * local one; elsewhere the service refuses to start without this or an internal token.
     */
    Optional<String> clientSecret();

    /**
     * Destinations that may be called although loopback, private, link-local or reserved
     * (RAPPORT_ACTIONS_ALLOWED_DESTINATIONS): {@code host:port} (preferred) or {@code host} for every port.
     */
    Optional<List<String>> allowedDestinations();

    /** How deep data actions may run inside data actions (relative calls to /execute); deeper runs are refused. */
    @WithDefault("3")
    int maxCallDepth();

    /** Largest response body read from an endpoint. */
    @WithDefault("1048576")
    int maxResponseBytes();

    /** Timeout of an action whose config has no timeoutSeconds (always clamped to Genesys's 1..60). */
    @WithDefault("20")
    int defaultTimeoutSeconds();

    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * The guards (rapport.actions.per-instance.*): kept in each instance's memory, so with N instances the service as
     * a whole allows N times each limit, and each instance opens its own circuits.
     */
    PerInstance perInstance();

    /** Limits each instance enforces on its own (RAPPORT_ACTIONS_PER_INSTANCE_...). */
    interface PerInstance {
        /** Concurrent executions per integration on this instance (Genesys's org default, for the org: 50). */
        @WithDefault("50")
        int concurrencyPerIntegration();

        /** Concurrent executions per action version on this instance, so one action cannot take the integration's share. */
        @WithDefault("10")
        int concurrencyPerAction();

        /** Executions per minute per integration on this instance (Genesys's org default, for the org: 2500). */
        @WithDefault("2500")
        int ratePerMinute();

        /** The circuit of an action opens on this instance when this share of its last calls here failed... */
        @WithDefault("0.5")
        double circuitFailureRatio();

        /** ...over this many calls... */
        @WithDefault("20")
        int circuitRequestVolume();

        /** ...and stays open this long. */
        @WithDefault("30s")
        Duration circuitDelay();
    }

    /** Velocity: loop iterations per rendering, template size, output size, render time. */
    @WithDefault("1000")
    int templateMaxLoops();

    @WithDefault("65536")
    int templateMaxChars();

    @WithDefault("1048576")
    int templateMaxOutputChars();

    @WithDefault("2s")
    Duration templateMaxRenderTime();
}
