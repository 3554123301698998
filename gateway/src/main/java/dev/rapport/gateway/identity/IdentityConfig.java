package dev.rapport.gateway.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's built-in token issuer: who may sign in, and with which key tokens are signed. Production may use
 * any OIDC provider instead (see docs/security.md); then nothing here is needed.
 */
@ConfigMapping(prefix = "rapport.identity")
public interface IdentityConfig {

    /** The {@code iss} claim; services verify it (RAPPORT_JWT_ISSUER). */
    @WithDefault("https://rapport.local")
    String issuer();

    @WithDefault("8h")
    Duration tokenLifetime();

    /**
     * PEM file of the RSA signing key (PKCS#8). Created with a new key when missing, so restarts keep tokens valid.
     * Without it, the gateway makes a key in memory at each start (RAPPORT_IDENTITY_SIGNING_KEY).
     */
    Optional<String> signingKey();

    /** People, signing in with the password grant; the map key is the user name. */
    Map<String, User> users();

    /** Systems (an IVR, action-service), signing in with the client-credentials grant; the map key is the client id. */
    Map<String, Client> clients();

    interface User {
        String password();

        Optional<String> name();

        Optional<String> email();

        List<String> roles();
    }

    interface Client {
        String secret();

        List<String> roles();
    }
}
