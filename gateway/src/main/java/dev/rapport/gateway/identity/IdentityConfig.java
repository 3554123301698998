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

    /** The {@code aud} claim of every token; every service requires it ({@code mp.jwt.verify.audiences}). */
    @WithDefault("rapport")
    String audience();

    /** Lifetime of a person's token (password grant). The desktop signs in again when it expires. */
    @WithDefault("1h")
    Duration tokenLifetime();

    /** Lifetime of a system's token (client credentials): systems sign in again by themselves, so it is short. */
    @WithDefault("15m")
    Duration clientTokenLifetime();

    /**
     * PEM file of the RSA signing key (PKCS#8). Created with a new key when missing, so restarts keep tokens valid
     * (RAPPORT_IDENTITY_SIGNING_KEY). Required unless {@link #ephemeralSigningKey()}.
     */
    Optional<String> signingKey();

    /**
     * Keys signed with before a rotation (PEM files, private or public; RAPPORT_IDENTITY_PREVIOUS_SIGNING_KEYS, comma
     * separated): still published in the JWKS, so tokens they signed stay valid until they expire. Rotation:
     * docs/security.md.
     */
    Optional<java.util.List<String>> previousSigningKeys();

    /**
     * Without a signing key, sign with a key made in memory for this run (tokens die with the process, and replicas
     * would not trust each other's tokens). Only the dev profile allows it.
     */
    @WithDefault("false")
    boolean ephemeralSigningKey();

    /** Failed sign-ins allowed per user name and per client address in a sliding window, then 429. */
    SignInThrottle throttle();

    interface SignInThrottle {
        /** Failed attempts allowed per user name (or client id) in the window. */
        @WithDefault("10")
        int perUsername();

        /** Failed attempts allowed per client address in the window. */
        @WithDefault("50")
        int perAddress();

        @WithDefault("5m")
        Duration window();

        /** Keys (user names + addresses) tracked at most; the oldest are dropped beyond it, so memory stays bounded. */
        @WithDefault("100000")
        int maxTracked();
    }

    /** People, signing in with the password grant; the map key is the user name. */
    Map<String, User> users();

    /** Systems (an IVR, action-service), signing in with the client-credentials grant; the map key is the client id. */
    Map<String, Client> clients();

    interface User {
        /** A {@link PasswordHash} ({@code $pbkdf2-sha512$...}); never the password itself. */
        Optional<String> password();

        Optional<String> name();

        Optional<String> email();

        List<String> roles();
    }

    interface Client {
        /** A {@link PasswordHash} of the client secret. */
        Optional<String> secret();

        List<String> roles();
    }
}
