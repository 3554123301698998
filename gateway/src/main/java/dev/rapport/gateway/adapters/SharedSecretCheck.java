package dev.rapport.gateway.adapters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The shared secret a platform sends in a header (Amazon Connect's forwarder, Genesys Cloud's EventBridge API
 * destination), compared in constant time: both sides are hashed first, so neither the content nor the length of the
 * secret shows in the time an answer takes.
 */
public final class SharedSecretCheck {
    private SharedSecretCheck() {
    }

    /** Passes when {@code given} is the secret; otherwise an {@link AdapterRefusal} (401) naming the header. */
    public static void require(AdaptersConfig.SharedSecret adapter, String given) {
        String secret = adapter.secret().orElseThrow();
        if (given == null || given.isEmpty()) {
            throw AdapterRefusal.secretMissing(adapter.header());
        }
        if (!MessageDigest.isEqual(sha256(secret), sha256(given))) {
            throw AdapterRefusal.secretWrong(adapter.header());
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
