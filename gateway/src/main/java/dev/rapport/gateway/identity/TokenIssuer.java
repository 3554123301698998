package dev.rapport.gateway.identity;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Checks credentials against the configured identities and signs tokens for them. */
@ApplicationScoped
public class TokenIssuer {
    private final IdentityConfig config;
    private final Credentials credentials;
    private final SigningKey key;

    TokenIssuer(IdentityConfig config, Credentials credentials, SigningKey key) {
        this.config = config;
        this.credentials = credentials;
        this.key = key;
    }

    public record Token(String accessToken, long expiresInSeconds) {
    }

    /** Password grant: a person. Empty when the user is unknown or the password wrong (callers cannot tell which). */
    public Optional<Token> forUser(String username, String password) {
        if (!credentials.userMatches(username, password)) {
            return Optional.empty();
        }
        IdentityConfig.User user = config.users().get(username);
        JwtClaimsBuilder claims = base(username, user.roles(), config.tokenLifetime());
        user.name().ifPresent(name -> claims.claim("name", name));
        user.email().ifPresent(email -> claims.claim("email", email));
        return Optional.of(sign(claims, config.tokenLifetime()));
    }

    /** Client-credentials grant: a system such as the IVR or action-service. */
    public Optional<Token> forClient(String clientId, String secret) {
        if (!credentials.clientMatches(clientId, secret)) {
            return Optional.empty();
        }
        IdentityConfig.Client client = config.clients().get(clientId);
        Duration lifetime = config.clientTokenLifetime();
        return Optional.of(sign(base(clientId, client.roles(), lifetime).claim("name", clientId), lifetime));
    }

    private JwtClaimsBuilder base(String subject, List<String> roles, Duration lifetime) {
        return Jwt.issuer(config.issuer()).audience(config.audience()).subject(subject).upn(subject)
                .groups(new HashSet<>(roles)).expiresIn(lifetime);
    }

    private Token sign(JwtClaimsBuilder claims, Duration lifetime) {
        String token = claims.jws().keyId(key.keyId()).sign(key.privateKey());
        return new Token(token, lifetime.toSeconds());
    }
}
