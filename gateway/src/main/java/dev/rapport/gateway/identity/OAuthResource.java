package dev.rapport.gateway.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
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

    OAuthResource(TokenIssuer issuer, SigningKey key) {
        this.issuer = issuer;
        this.key = key;
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType,
                          @FormParam("username") String username, @FormParam("password") String password,
                          @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
                          @HeaderParam("Authorization") String authorization) {
        if (grantType == null) {
            return error(400, "invalid_request", "grant_type is required");
        }
        Optional<TokenIssuer.Token> token;
        switch (grantType) {
            case "password" -> token = issuer.forUser(username, password);
            case "client_credentials" -> {
                String[] basic = basic(authorization);
                token = basic != null ? issuer.forClient(basic[0], basic[1]) : issuer.forClient(clientId, clientSecret);
            }
            default -> {
                return error(400, "unsupported_grant_type", "grant_type must be password or client_credentials");
            }
        }
        return token.map(t -> Response.ok(Map.of("access_token", t.accessToken(), "token_type", "bearer",
                        "expires_in", t.expiresInSeconds())).header("Cache-Control", "no-store").build())
                .orElseGet(() -> error(401, "password".equals(grantType) ? "invalid_grant" : "invalid_client",
                        "the credentials are not valid"));
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<Map<String, String>>> jwks() {
        return Map.of("keys", List.of(key.jwk()));
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
