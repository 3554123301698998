package dev.rapport.gateway;

import dev.rapport.testkit.TestTokens;
import java.util.HashMap;
import java.util.Map;

/**
 * test-kit's {@link TestTokens} with the audience every service now requires ({@code aud: rapport}). Goes away when
 * TestTokens itself puts the audience in.
 */
public final class Tokens {
    public static final String AUDIENCE = "rapport";
    private static final Tokens INSTANCE = new Tokens();

    private Tokens() {
    }

    public static Tokens get() {
        return INSTANCE;
    }

    public String issue(String subject, Map<String, Object> extraClaims, String... roles) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("aud", AUDIENCE);
        claims.putAll(extraClaims);
        return TestTokens.get().issue(subject, claims, roles);
    }

    public String issue(String subject, String... roles) {
        return issue(subject, Map.of(), roles);
    }

    public String bearer(String subject, String... roles) {
        return "Bearer " + issue(subject, roles);
    }
}
