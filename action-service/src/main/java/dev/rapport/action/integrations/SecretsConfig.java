package dev.rapport.action.integrations;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code rapport.secrets.key} (RAPPORT_SECRETS_KEY): base64 of the 32-byte AES key for credentials at rest. */
@ConfigMapping(prefix = "rapport.secrets")
public interface SecretsConfig {
    Optional<String> key();
}
