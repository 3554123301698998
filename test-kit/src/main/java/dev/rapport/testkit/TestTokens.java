package dev.rapport.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs real RS256 bearer tokens for tests with a key pair made once per JVM. Services under test verify them with
 * the public key at {@link #publicKeyLocation()} ({@link RapportInfraResource} configures that).
 */
public final class TestTokens {
    public static final String ISSUER = "https://rapport.local";
    private static final Object LOCK = new Object();
    private static TestTokens instance;

    private final KeyPair keys;
    private final Path publicKeyFile;
    private final Path privateKeyFile;

    private TestTokens(KeyPair keys, Path publicKeyFile, Path privateKeyFile) {
        this.keys = keys;
        this.publicKeyFile = publicKeyFile;
        this.privateKeyFile = privateKeyFile;
    }

    public static TestTokens get() {
        synchronized (LOCK) {
            if (instance == null) {
                try {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    KeyPair keys = generator.generateKeyPair();
                    instance = new TestTokens(keys, pem("PUBLIC KEY", keys.getPublic().getEncoded()),
                            pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return instance;
        }
    }

    private static Path pem(String type, byte[] der) throws IOException {
        Path file = Files.createTempFile("rapport-test-jwt", ".pem");
        file.toFile().deleteOnExit();
        Files.writeString(file, "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n");
        return file;
    }

    /** The PKCS#8 PEM file of the private key, so the gateway's own issuer signs tokens services under test accept. */
    public String privateKeyPath() {
        return privateKeyFile.toString();
    }

    /** A {@code file:} location of the PEM public key, for {@code mp.jwt.verify.publickey.location}. */
    public String publicKeyLocation() {
        return publicKeyFile.toUri().toString();
    }

    /** A token for {@code subject} with {@code roles} in its groups claim, valid for an hour. */
    public String issue(String subject, String... roles) {
        return issue(subject, Map.of(), roles);
    }

    public String issue(String subject, Map<String, Object> extraClaims, String... roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        claims.put("iss", ISSUER);
        claims.put("aud", "rapport");
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(roles));
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("jti", UUID.randomUUID().toString());
        claims.putAll(extraClaims);
        try {
            ObjectMapper json = new ObjectMapper();
            String header = encode(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = encode(json.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + encode(signature.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code "Bearer <token>"}. */
    public String bearer(String subject, String... roles) {
        return "Bearer " + issue(subject, roles);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
