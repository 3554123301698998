package dev.rapport.gateway.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The gateway as a client of the OpenID provider (rapport.oidc.issuer, shared by every service): the admin console
 * and the desktop sign in through it with the authorization code flow and PKCE. Sign-in is offered when the issuer
 * and {@link #id()} are set; the password form of the built-in issuer stays.
 */
@ConfigMapping(prefix = "rapport.oidc.client")
public interface OidcClientConfig {

    /** The client id registered at the provider (RAPPORT_OIDC_CLIENT_ID). */
    Optional<String> id();

    /**
     * The client secret of a confidential client (RAPPORT_OIDC_CLIENT_SECRET), sent to the token endpoint with HTTP
     * Basic; unset, the gateway is a public client and PKCE alone binds the code.
     */
    Optional<String> secret();

    /** Scopes asked for (RAPPORT_OIDC_SCOPES); {@code openid} is always among them. */
    @WithDefault("openid profile email")
    String scopes();

    /**
     * Where the provider sends the browser back (RAPPORT_OIDC_REDIRECT_URI), {@code https://<gateway>/oauth/oidc/callback}
     * as registered at the provider. Unset: made from the address the browser used (not right behind a proxy that
     * ends TLS: set it there).
     */
    Optional<String> redirectUri();

    /** A resource indicator (RFC 8707) sent with the authorization and token requests (RAPPORT_OIDC_RESOURCE). */
    Optional<String> resource();

    /** Shown on the sign-in button: "Sign in with ..." (RAPPORT_OIDC_DISPLAY_NAME). */
    @WithDefault("single sign-on")
    String displayName();
}
