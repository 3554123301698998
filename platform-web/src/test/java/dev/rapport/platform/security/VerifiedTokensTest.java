package dev.rapport.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private final List<String> verifications = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-08T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    /** A parser that accepts "good-<exp epoch seconds>" and refuses anything else, counting its work. */
    private final JWTParser signatures = (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {JWTParser.class}, (proxy, method, args) -> {
                String token = (String) args[0];
                verifications.add(token);
                if (!token.startsWith("good-")) {
                    throw new ParseException("bad signature");
                }
                long exp = Long.parseLong(token.substring(5));
                if (exp <= now.get().getEpochSecond()) {
                    throw new ParseException("expired");
                }
                return token(token, exp);
            });

    private final VerifiedTokens tokens = new VerifiedTokens(signatures, clock);

    @Test
    void aTokenIsVerifiedOnceForItsLifetime() throws Exception {
        String token = "good-" + now.get().plusSeconds(3600).getEpochSecond();
        JsonWebToken first = tokens.parse(token);
        JsonWebToken second = tokens.parse(token);
        assertSame(first, second);
        assertEquals(List.of(token), verifications);
    }

    @Test
    void aKnownTokenIsRefusedOnceItExpires() throws Exception {
        String token = "good-" + now.get().plusSeconds(60).getEpochSecond();
        tokens.parse(token);
        now.set(now.get().plusSeconds(61));
        assertThrows(ParseException.class, () -> tokens.parse(token));
        assertEquals(List.of(token, token), verifications, "checked again once past its exp");
        assertEquals(0, tokens.size());
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertEquals(List.of("forged", "forged"), verifications);
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheIsBounded() throws Exception {
        long exp = now.get().plusSeconds(3600).getEpochSecond();
        for (int i = 0; i <= VerifiedTokens.MAX_TOKENS + 10; i++) {
            tokens.parse("good-" + (exp + i));
        }
        assertEquals(true, tokens.size() <= VerifiedTokens.MAX_TOKENS, "held " + tokens.size());
    }

    private static JsonWebToken token(String raw, long exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "alex";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp", "raw_token");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) Map.<String, Object>of("exp", exp, "raw_token", raw).get(claimName);
            }
        };
    }
}
