package dev.rapport.script.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Built-in routing's settings (RAPPORT_ROUTING_...). */
@ConfigMapping(prefix = "rapport.routing")
public interface RoutingConfig {
    /** Off: no offers are made and the directory is not read (an external ACD sends {@code connected}). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often every instance looks for waiting interactions, unanswered offers and in-queue timeouts, besides the
     * look right after each change that may allow an offer (RAPPORT_ROUTING_SCAN_EVERY).
     */
    @WithDefault("1s")
    Duration scanEvery();

    /** Interactions a round of the router handles at most, per kind (offers, timeouts). */
    @WithDefault("100")
    int perRound();

    /** A new queue's alert timeout ({@code mediaSettings.call.alertingTimeoutSeconds}) when none is given. */
    @WithDefault("8")
    int defaultAlertingTimeoutSeconds();
}
