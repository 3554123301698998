package dev.rapport.action.integrations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code rapport.secrets.*}: the key for credentials at rest. */
@ConfigMapping(prefix = "rapport.secrets")
public interface SecretsConfig {
    /** RAPPORT_SECRETS_KEY: base64 of the 32-byte AES key. An empty value counts as unset. */
    Optional<String> key();

    /**
     * Whether the published development key may stand in for an unset key: true only in the dev, test and demo
     * profiles (application.properties); anywhere else an unset key stops the service at start.
     */
    @WithDefault("false")
    boolean allowDevelopmentKey();
}
