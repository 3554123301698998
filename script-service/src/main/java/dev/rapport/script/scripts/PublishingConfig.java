package dev.rapport.script.scripts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Publishing's settings (RAPPORT_SCRIPTS_...); how action-service is reached is {@code clients.ActionServiceConfig}. */
@ConfigMapping(prefix = "rapport.scripts")
public interface PublishingConfig {
    /** Ask action-service at publish whether each executed data action is published (RAPPORT_SCRIPTS_CHECK_DATA_ACTIONS). */
    @WithDefault("true")
    boolean checkDataActions();
}
