package dev.rapport.platform.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers the bearer tokens this service has verified, until each one expires. A caller sends the same token with
 * every request for the token's lifetime (an IVR posts three events per call), and checking its RSA signature again
 * each time was the largest single cost of the gateway under load (28 % of its CPU at 100 calls/s, JFR, 2026-12-08).
 * <p>
 * Only what the service's own verification accepted is kept, keyed by the whole token text, so a hit is exactly the
 * token that passed; it stops being accepted at its {@code exp}, as before. At most {@link #MAX_TOKENS} are held: past
 * that the cache starts again empty (tokens are re-verified, nothing else changes). A decorator, so it keeps working
 * over whichever {@link JWTParser} the service uses.
 */
@Decorator
@Priority(10)
public class VerifiedTokens implements JWTParser {
    static final int MAX_TOKENS = 1_000;

    private final ConcurrentMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();
    private final JWTParser parser;
    private final Clock clock;

    @Inject
    VerifiedTokens(@Delegate JWTParser parser) {
        this(parser, Clock.systemUTC());
    }

    VerifiedTokens(JWTParser parser, Clock clock) {
        this.parser = parser;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        long now = clock.millis() / 1000;
        if (known != null && now < known.getExpirationTime()) {
            return known;
        }
        if (known != null) {
            verified.remove(token, known);
        }
        JsonWebToken fresh = parser.parse(token);
        if (fresh.getExpirationTime() > now) {
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
            verified.put(token, fresh);
        }
        return fresh;
    }

    int size() {
        return verified.size();
    }

    // The rest is not cached: other keys or contexts, used outside the request path.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
