package dev.rapport.gateway.identity;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configured password and secret hashes, checked once at start: the gateway refuses to start when one is missing or
 * is not a hash (a password in clear text, say), naming the key and how to make a hash.
 */
@Startup
@ApplicationScoped
public class Credentials {
    static final String HOW = "make one with ./rapport hash-password, or: java -cp gateway/target/quarkus-app/app/"
            + "gateway-*.jar dev.rapport.gateway.identity.PasswordHash (see docs/security.md)";
    /** Checked when the name is unknown, so an unknown name costs the same time as a wrong password. */
    private static final PasswordHash UNKNOWN = PasswordHash.parse(PasswordHash.hash(
            java.util.UUID.randomUUID().toString().toCharArray()));

    private final Map<String, PasswordHash> users = new HashMap<>();
    private final Map<String, PasswordHash> clients = new HashMap<>();

    Credentials(IdentityConfig config) {
        List<String> problems = new ArrayList<>();
        config.users().forEach((name, user) ->
                parse("rapport.identity.users." + name + ".password", user.password(), problems)
                        .ifPresent(hash -> users.put(name, hash)));
        config.clients().forEach((id, client) ->
                parse("rapport.identity.clients." + id + ".secret", client.secret(), problems)
                        .ifPresent(hash -> clients.put(id, hash)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The gateway cannot start: " + String.join("; ", problems) + ". " + HOW);
        }
    }

    public boolean userMatches(String username, String password) {
        return matches(username == null ? null : users.get(username), password);
    }

    public boolean clientMatches(String clientId, String secret) {
        return matches(clientId == null ? null : clients.get(clientId), secret);
    }

    private static boolean matches(PasswordHash hash, String given) {
        // Same work whether the name is known or not: callers cannot tell which.
        boolean ok = (hash == null ? UNKNOWN : hash).matches(given == null ? "" : given);
        return hash != null && given != null && ok;
    }

    private static Optional<PasswordHash> parse(String key, Optional<String> value, List<String> problems) {
        if (value.isEmpty() || value.get().isBlank()) {
            problems.add(key + " (env " + env(key) + ") is not set");
            return Optional.empty();
        }
        try {
            return Optional.of(PasswordHash.parse(value.get().trim()));
        } catch (IllegalArgumentException e) {
            // The value is not echoed: it may be a password in clear text.
            problems.add(key + " is not a password hash (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private static String env(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
