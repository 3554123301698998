package dev.rapport.gateway.identity;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Checks credentials against the configured identities and signs tokens for them. */
@ApplicationScoped
public class TokenIssuer {
    private final IdentityConfig config;
    private final SigningKey key;

    TokenIssuer(IdentityConfig config, SigningKey key) {
        this.config = config;
        this.key = key;
    }

    public record Token(String accessToken, long expiresInSeconds) {
    }

    /** Password grant: a person. Empty when the user is unknown or the password wrong (callers cannot tell which). */
    public Optional<Token> forUser(String username, String password) {
        IdentityConfig.User user = username == null ? null : config.users().get(username);
        if (user == null || !matches(user.password(), password)) {
            return Optional.empty();
        }
        JwtClaimsBuilder claims = base(username, user.roles());
        user.name().ifPresent(name -> claims.claim("name", name));
        user.email().ifPresent(email -> claims.claim("email", email));
        return Optional.of(sign(claims));
    }

    /** Client-credentials grant: a system such as the IVR or action-service. */
    public Optional<Token> forClient(String clientId, String secret) {
        IdentityConfig.Client client = clientId == null ? null : config.clients().get(clientId);
        if (client == null || !matches(client.secret(), secret)) {
            return Optional.empty();
        }
        return Optional.of(sign(base(clientId, client.roles()).claim("name", clientId)));
    }

    private JwtClaimsBuilder base(String subject, List<String> roles) {
        return Jwt.issuer(config.issuer()).subject(subject).upn(subject).groups(new HashSet<>(roles))
                .expiresIn(config.tokenLifetime());
    }

    private Token sign(JwtClaimsBuilder claims) {
        String token = claims.jws().keyId(key.keyId()).sign(key.privateKey());
        return new Token(token, config.tokenLifetime().toSeconds());
    }

    private static boolean matches(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
