package dev.rapport.gateway.identity;

import dev.rapport.platform.web.oidc.OidcUnavailableException;
import io.quarkus.logging.Log;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sign-in with the OpenID provider for the web app, the gateway acting as its backend (docs/security.md, "OpenID
 * Connect"): {@code login} sends the browser to the provider, {@code callback} takes it back and finishes the flow,
 * {@code session} hands the access token to the web app once. 404 on all of them while no provider is configured.
 */
@Path("/oauth/oidc")
@PermitAll
public class OidcResource {
    static final String LOGIN_COOKIE = "rapport_oidc_login";
    static final String SESSION_COOKIE = "rapport_oidc_session";
    /** A cookie is 4 KB at most in every browser; a bigger token cannot be handed over this way. */
    private static final int MAX_TOKEN_CHARS = 3800;

    private final OidcSignIn signIn;

    OidcResource(OidcSignIn signIn) {
        this.signIn = signIn;
    }

    /** Whether sign-in with a provider is offered, and its name for the button. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> offer() {
        return signIn.enabled() ? Map.of("enabled", true, "name", signIn.displayName()) : Map.of("enabled", false);
    }

    @GET
    @Path("/login")
    public Response login(@Context UriInfo uri) {
        if (!signIn.enabled()) {
            return notFound();
        }
        try {
            OidcSignIn.Start start = signIn.start(uri.getBaseUri());
            return Response.seeOther(start.authorization()).header("Cache-Control", "no-store")
                    .header("Set-Cookie", cookie(LOGIN_COOKIE, start.cookie(), "/oauth/oidc/callback",
                            OidcLoginState.LIFETIME.toSeconds(), uri.getBaseUri())).build();
        } catch (OidcUnavailableException e) {
            Log.warnf("OpenID sign-in cannot start: %s", e.getMessage());
            return back("sign-in-failed", uri).build();
        }
    }

    @GET
    @Path("/callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error, @CookieParam(LOGIN_COOKIE) String login,
                             @Context UriInfo uri) {
        if (!signIn.enabled()) {
            return notFound();
        }
        String clearLogin = cookie(LOGIN_COOKIE, "", "/oauth/oidc/callback", 0, uri.getBaseUri());
        if (error != null) {
            // The provider's error code (RFC 6749 4.1.2.1), cut and cleaned: it arrives in the URL, from anyone.
            String shown = error.replaceAll("[^A-Za-z0-9_.-]", "?");
            Log.infof("OpenID sign-in refused by the provider: %s", shown.length() > 64 ? shown.substring(0, 64) : shown);
            return back("sign-in-failed", uri).header("Set-Cookie", clearLogin).build();
        }
        try {
            OidcSignIn.Tokens tokens = signIn.complete(code, state, login, uri.getBaseUri());
            if (tokens.accessToken().length() > MAX_TOKEN_CHARS) {
                throw new OidcSignIn.Refused("the access token is larger than " + MAX_TOKEN_CHARS + " characters");
            }
            String handOver = tokens.expiresInSeconds() + "." + URLEncoder.encode(tokens.accessToken(), StandardCharsets.UTF_8);
            return back("signed-in", uri).header("Set-Cookie", clearLogin)
                    .header("Set-Cookie", cookie(SESSION_COOKIE, handOver, "/oauth/oidc/session", 60, uri.getBaseUri()))
                    .build();
        } catch (OidcSignIn.Refused e) {
            OidcSignIn.log(e);
            return back("sign-in-failed", uri).header("Set-Cookie", clearLogin).build();
        }
    }

    /** The access token of the sign-in that just finished, once: the cookie that held it is cleared. */
    @POST
    @Path("/session")
    @Produces(MediaType.APPLICATION_JSON)
    public Response session(@CookieParam(SESSION_COOKIE) String handOver, @Context UriInfo uri) {
        int dot = handOver == null ? -1 : handOver.indexOf('.');
        if (!signIn.enabled() || dot < 1) {
            return notFound();
        }
        long expiresIn;
        String token;
        try {
            expiresIn = Long.parseLong(handOver.substring(0, dot));
            token = URLDecoder.decode(handOver.substring(dot + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return notFound();
        }
        return Response.ok(Map.of("access_token", token, "token_type", "bearer",
                        "expires_in", expiresIn))
                .header("Cache-Control", "no-store")
                .header("Set-Cookie", cookie(SESSION_COOKIE, "", "/oauth/oidc/session", 0, uri.getBaseUri())).build();
    }

    private Response.ResponseBuilder back(String route, UriInfo uri) {
        // The site the browser is on: the redirect URI's (right behind a proxy too), else the address it used.
        URI site = URI.create(signIn.redirectUri(uri.getBaseUri()));
        return Response.seeOther(site.resolve("/#/" + route)).header("Cache-Control", "no-store");
    }

    private String cookie(String name, String value, String path, long maxAge, URI base) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (signIn.secure(base) ? "; Secure" : "");
    }

    private static Response notFound() {
        return Response.status(404).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "not_found", "error_description", "sign-in with an OpenID provider is off"))
                .build();
    }
}
