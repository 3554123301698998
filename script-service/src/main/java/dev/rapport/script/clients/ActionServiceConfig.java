package dev.rapport.script.clients;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;

/**
 * How script-service reaches action-service (publishing checks, preview executions). The URL keeps its name,
 * {@code rapport.scripts.action-service-url} (RAPPORT_SCRIPTS_ACTION_SERVICE_URL); the rest is under
 * {@code rapport.scripts.action-service.*} (RAPPORT_SCRIPTS_ACTION_SERVICE_...).
 */
@ConfigMapping(prefix = "rapport.scripts")
public interface ActionServiceConfig {
    @WithDefault("http://127.0.0.1:8083")
    URI actionServiceUrl();

    @WithName("action-service")
    Calls calls();

    interface Calls {
        @WithDefault("3s")
        Duration connectTimeout();

        /** A read (is this data action published?). */
        @WithDefault("5s")
        Duration readTimeout();

        /** A preview's execution of a data action (action-service clamps the action's own timeout to 60 s). */
        @WithDefault("30s")
        Duration executeTimeout();

        /** Reads only (an execution is not repeated): again after a refused connection or a 502/503/504. */
        @WithDefault("1")
        int readRetries();

        @WithDefault("100ms")
        Duration retryDelay();

        /** The circuit opens when this share of the last calls failed (unreachable, timed out, 5xx on a read)... */
        @WithDefault("0.5")
        double circuitFailureRatio();

        /** ...over this many calls... */
        @WithDefault("10")
        int circuitRequestVolume();

        /** ...and stays open this long: calls fail at once with the reason instead of waiting for the timeout. */
        @WithDefault("30s")
        Duration circuitDelay();
    }
}
