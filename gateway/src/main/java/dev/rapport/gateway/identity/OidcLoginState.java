package dev.rapport.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a sign-in started with (state, nonce, PKCE verifier) until the provider sends the browser back: kept in the
 * browser in an HttpOnly cookie, MAC'd with a key derived from the token signing key, so any gateway replica can
 * finish a sign-in another one started and nobody can plant values of their own.
 */
record OidcLoginState(String state, String nonce, String verifier, Instant started) {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    static OidcLoginState fresh() {
        return new OidcLoginState(random(), random(), random(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The PKCE challenge of the verifier (S256, RFC 7636). */
    String challenge() {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String seal(byte[] key) {
        String body = state + "." + nonce + "." + verifier + "." + started.getEpochSecond();
        return body + "." + mac(key, body);
    }

    /** The state a cookie holds, if its MAC is right and it is not older than {@link #LIFETIME}. */
    static Optional<OidcLoginState> open(String cookie, byte[] key) {
        if (cookie == null || cookie.length() > 512) {
            return Optional.empty();
        }
        int last = cookie.lastIndexOf('.');
        if (last < 0) {
            return Optional.empty();
        }
        String body = cookie.substring(0, last);
        if (!MessageDigest.isEqual(mac(key, body).getBytes(StandardCharsets.US_ASCII),
                cookie.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = body.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            Instant started = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            if (started.plus(LIFETIME).isBefore(Instant.now())) {
                return Optional.empty();
            }
            return Optional.of(new OidcLoginState(parts[0], parts[1], parts[2], started));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean sameText(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    private static String mac(byte[] key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
