package dev.rapport.platform.web.oidc;

/** The OpenID provider could not be reached or answered something unusable; sign-in and its tokens wait for it. */
public class OidcUnavailableException extends RuntimeException {
    public OidcUnavailableException(String message) {
        super(message);
    }
}
