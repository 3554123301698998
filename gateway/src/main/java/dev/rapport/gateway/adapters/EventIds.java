package dev.rapport.gateway.adapters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Event ids derived from the platform's own ids, so a platform that delivers the same thing twice (a retried webhook,
 * an API destination's retry) produces the same event id, which script-service applies once.
 */
public final class EventIds {
    private EventIds() {
    }

    /**
     * {@code <platform>:<kind>:<32 hex digits>}, the digits of a SHA-256 over {@code platformIds} (each one length
     * prefixed, so no two lists give the same input). Bounded whatever the ids' lengths.
     */
    public static String derive(String platform, String kind, String... platformIds) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String id : platformIds) {
            byte[] bytes = (id == null ? "" : id).getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return platform + ":" + kind + ":" + HexFormat.of().formatHex(sha.digest(), 0, 16);
    }
}
