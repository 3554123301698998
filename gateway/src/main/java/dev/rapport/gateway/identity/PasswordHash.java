package dev.rapport.gateway.identity;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords and client secrets as configuration holds them: PBKDF2-HMAC-SHA512 (the JDK's, no extra library), in the
 * PHC-like form {@code $pbkdf2-sha512$<iterations>$<salt>$<hash>} (base64, no padding). The iteration count travels
 * with the hash, so it can be raised later without invalidating stored hashes. See docs/decisions.
 *
 * <p>Make one with {@code java -cp gateway/target/quarkus-app/app/gateway-*.jar dev.rapport.gateway.identity.PasswordHash}
 * (reads the password from the terminal or standard input, never from the command line).
 */
public final class PasswordHash {
    static final String PREFIX = "$pbkdf2-sha512$";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512. */
    static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Parses a stored hash; IllegalArgumentException (without the value, which may be a clear password) otherwise. */
    public static PasswordHash parse(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " hash");
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a " + PREFIX + " hash has iterations, salt and hash");
        }
        try {
            int iterations = Integer.parseInt(parts[0]);
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] hash = Base64.getDecoder().decode(parts[2]);
            if (iterations < 1_000 || salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("the hash is too weak (iterations >= 1000, salt >= 8 bytes)");
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count is not a number");
        }
    }

    public static String hash(char[] password) {
        return hash(password, ITERATIONS);
    }

    static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return PREFIX + iterations + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(derive(password, salt, iterations, HASH_BYTES));
    }

    /** Derives the given password with this hash's parameters and compares in constant time. */
    public boolean matches(String given) {
        if (given == null) {
            return false;
        }
        char[] chars = given.toCharArray();
        try {
            return MessageDigest.isEqual(hash, derive(chars, salt, iterations, hash.length));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Prints the hash of a password read from the terminal (twice) or from the first line of standard input. */
    public static void main(String[] args) throws IOException {
        Console console = System.console();
        char[] password;
        if (console != null) {
            password = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (password == null || !Arrays.equals(password, again)) {
                System.err.println("The passwords differ.");
                System.exit(1);
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length == 0) {
            System.err.println("An empty password is not allowed.");
            System.exit(1);
        }
        System.out.println(hash(password));
    }
}
