package dev.rapport.gateway.sessions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the gateway's board remembers ended interactions (RAPPORT_GATEWAY_ENDED_...). */
@ConfigMapping(prefix = "rapport.gateway")
public interface SessionBoardConfig {
    /** An ended interaction's session stays on the board this long (RAPPORT_GATEWAY_ENDED_RETENTION). */
    @WithDefault("15m")
    Duration endedRetention();

    /** At most this many ended sessions are kept; the oldest go first (RAPPORT_GATEWAY_ENDED_KEPT). */
    @WithDefault("5000")
    int endedKept();
}
