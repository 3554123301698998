package dev.rapport.script.conversations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The Conversations API's settings (RAPPORT_CONVERSATIONS_...). */
@ConfigMapping(prefix = "rapport.conversations")
public interface ConversationsConfig {
    /**
     * When a callback asked for without {@code callbackScheduledTime} ("as soon as possible") is scheduled: this long
     * after it was asked. The contract's callback needs a time, and a switch refuses one already past by the time the
     * command reaches it.
     */
    @WithDefault("1m")
    Duration asapCallbackDelay();
}
