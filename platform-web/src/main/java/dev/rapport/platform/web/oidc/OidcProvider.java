package dev.rapport.platform.web.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * The configured OpenID provider, if any: verifies its access tokens (for every service) and its ID tokens (for the
 * gateway's sign-in), each against the provider's keys, issuer, audience and lifetime, and maps its claims to
 * Rapport's (roles, user id, name, e-mail).
 */
@ApplicationScoped
@Startup // a role map naming no Rapport role stops the service at start, not at its first request
public class OidcProvider {
    private static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final OidcConfig config;
    private final Optional<OidcDiscovery> discovery;
    private final RoleMapping roles;
    private final ObjectMapper json = new ObjectMapper();
    private final DefaultJWTTokenParser accessTokens = new DefaultJWTTokenParser();
    private final DefaultJWTTokenParser idTokens = new DefaultJWTTokenParser();

    OidcProvider(OidcConfig config) {
        this.config = config;
        this.discovery = config.issuer().filter(s -> !s.isBlank()).map(OidcDiscovery::new);
        this.roles = RoleMapping.parse(config.roleMap().orElse(null));
    }

    public boolean enabled() {
        return discovery.isPresent();
    }

    public OidcConfig config() {
        return config;
    }

    /** The discovery document; only when {@link #enabled()}. */
    public OidcDiscovery.Metadata metadata() {
        return discovery.orElseThrow(() -> new OidcUnavailableException("no OpenID provider is configured")).metadata();
    }

    /** Whether the token's (unverified) {@code iss} names the provider: then it is the provider's to verify. */
    public boolean issued(String token) {
        return enabled() && config.issuer().get().equals(unverifiedIssuer(token));
    }

    /**
     * An access token of the provider, verified (signature by the provider's keys, issuer, audience, lifetime), its
     * claims mapped: {@code groups} holds the Rapport roles of the roles claim and nothing else, {@code upn} the
     * user id, {@code name} and {@code email} the configured claims'.
     */
    public JwtContext verifyAccessToken(String token) throws ParseException {
        JwtContext context = accessTokens.parse(token, context(config.audience()));
        mapClaims(context.getJwtClaims());
        return context;
    }

    /** An ID token for the given client, verified like an access token; the caller checks its {@code nonce}. */
    public JwtClaims verifyIdToken(String token, String clientId) throws ParseException {
        return idTokens.parse(token, context(clientId)).getJwtClaims();
    }

    private JWTAuthContextInfo context(String audience) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(config.issuer().orElseThrow());
        info.setPublicKeyLocation(config.jwksUri().filter(s -> !s.isBlank()).orElseGet(() -> metadata().jwksUri()));
        info.setExpectedAudience(Set.of(audience));
        info.setClockSkew(config.clockSkew());
        // Asymmetric algorithms only: the provider's public keys must never verify a token signed with a shared secret.
        info.setSignatureAlgorithm(EnumSet.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
                SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512,
                SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512));
        return info;
    }

    private void mapClaims(JwtClaims claims) {
        Map<String, Object> all = claims.getClaimsMap();
        Set<String> mapped = roles.rolesOf(RoleMapping.at(all, config.rolesClaim()));
        String userId = text(all.get(config.userIdClaim()));
        String name = text(all.get(config.nameClaim()));
        String email = text(all.get(config.emailClaim()));
        claims.setStringListClaim("groups", mapped.toArray(String[]::new));
        claims.setClaim("upn", userId != null ? userId : text(all.get("sub")));
        set(claims, "name", name);
        set(claims, "email", email);
    }

    private static void set(JwtClaims claims, String claim, String value) {
        if (value == null) {
            claims.unsetClaim(claim);
        } else {
            claims.setClaim(claim, value);
        }
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private String unverifiedIssuer(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode payload = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return payload.path("iss").isTextual() ? payload.path("iss").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
