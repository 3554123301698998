package dev.rapport.gateway.identity;

import dev.rapport.contract.GenesysError;
import dev.rapport.platform.web.CorrelationId;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth 2.0 token endpoint (RFC 6749: client credentials for systems, password for people) and the issuer's public
 * keys (JWKS), which every service uses to verify tokens.
 */
@Path("/oauth")
@PermitAll
public class OAuthResource {
    private final TokenIssuer issuer;
    private final SigningKey key;
    private final SignInThrottle throttle;
    private final CorrelationId correlationId;

    OAuthResource(TokenIssuer issuer, SigningKey key, SignInThrottle throttle, CorrelationId correlationId) {
        this.issuer = issuer;
        this.key = key;
        this.throttle = throttle;
        this.correlationId = correlationId;
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType,
                          @FormParam("username") String username, @FormParam("password") String password,
                          @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
                          @HeaderParam("Authorization") String authorization,
                          @Context HttpServerRequest request) {
        if (grantType == null) {
            return error(400, "invalid_request", "grant_type is required");
        }
        boolean person = "password".equals(grantType);
        if (!person && !"client_credentials".equals(grantType)) {
            return error(400, "unsupported_grant_type", "grant_type must be password or client_credentials");
        }
        String[] basic = basic(authorization);
        String name = person ? username : basic != null ? basic[0] : clientId;
        String address = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        Optional<Duration> wait = throttle.blocked(name, address);
        if (wait.isPresent()) {
            return tooManyAttempts(wait.get());
        }
        Optional<TokenIssuer.Token> token = person
                ? issuer.forUser(username, password)
                : issuer.forClient(name, basic != null ? basic[1] : clientSecret);
        if (token.isEmpty()) {
            throttle.failed(name, address);
            return error(401, person ? "invalid_grant" : "invalid_client",
                    "the credentials are not valid");
        }
        throttle.succeeded(name);
        TokenIssuer.Token t = token.get();
        return Response.ok(Map.of("access_token", t.accessToken(), "token_type", "bearer",
                "expires_in", t.expiresInSeconds())).header("Cache-Control", "no-store").build();
    }

    /** Genesys's answer to too many requests: 429, Retry-After in seconds, and its error body. */
    private Response tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String contextId = correlationId.get();
        return Response.status(429).type(MediaType.APPLICATION_JSON).header("Retry-After", seconds)
                .header("Cache-Control", "no-store").header(CorrelationId.HEADER, contextId)
                .entity(new GenesysError("Too many failed sign-in attempts; retry after " + seconds + " s",
                        "too.many.requests", 429, contextId, List.of())).build();
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<Map<String, String>>> jwks() {
        return Map.of("keys", key.keySet());
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response error(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store")
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
