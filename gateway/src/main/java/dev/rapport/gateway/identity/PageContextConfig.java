package dev.rapport.gateway.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The signed context a script's web page can ask for (docs/embedded-pages.md). */
@ConfigMapping(prefix = "rapport.page-context")
public interface PageContextConfig {
    /** How long a context token is valid (RAPPORT_PAGE_CONTEXT_LIFETIME): the page checks it when it loads. */
    @WithDefault("5m")
    Duration lifetime();
}
