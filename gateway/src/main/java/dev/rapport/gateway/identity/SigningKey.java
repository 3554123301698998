package dev.rapport.gateway.identity;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.nio.file.FileAlreadyExistsException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The RSA key the gateway signs tokens with, its key id, and the key set it publishes: its public half and those of
 * the keys it signed with before a rotation. Replicas share one key file: the first to start creates it, atomically,
 * and every other one reads that one.
 */
@Startup
@ApplicationScoped
public class SigningKey {
    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;
    private final List<Map<String, String>> keySet;

    @jakarta.inject.Inject
    SigningKey(IdentityConfig config) {
        this(signingPair(config), config.previousSigningKeys().orElse(List.of()));
    }

    private static KeyPair signingPair(IdentityConfig config) {
        return config.signingKey().filter(s -> !s.isBlank()).map(Path::of).map(SigningKey::loadOrCreate)
                .orElseGet(() -> {
                    if (!config.ephemeralSigningKey()) {
                        throw new IllegalStateException("The gateway cannot start: rapport.identity.signing-key (env "
                                + "RAPPORT_IDENTITY_SIGNING_KEY) is not set. Set it to the path of the token signing "
                                + "key (PKCS#8 PEM; made there on first start), or use an OIDC provider "
                                + "(docs/security.md)");
                    }
                    Log.warn("No RAPPORT_IDENTITY_SIGNING_KEY: signing tokens with a key made for this run only");
                    return generate();
                });
    }

    SigningKey(KeyPair pair, List<String> previousKeys) {
        this.privateKey = (RSAPrivateCrtKey) pair.getPrivate();
        this.publicKey = (RSAPublicKey) pair.getPublic();
        this.keyId = thumbprint(publicKey);
        List<Map<String, String>> keys = new ArrayList<>();
        keys.add(jwk(publicKey));
        for (String previous : previousKeys) {
            if (!previous.isBlank()) {
                RSAPublicKey old = readPublic(Path.of(previous.trim()));
                if (!thumbprint(old).equals(keyId)) {
                    keys.add(jwk(old));
                }
            }
        }
        this.keySet = List.copyOf(keys);
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The signing key's public half as a JSON Web Key (RFC 7517). */
    public Map<String, String> jwk() {
        return keySet.get(0);
    }

    /** Every key a token of this gateway may be signed with: the current one first. */
    public List<Map<String, String>> keySet() {
        return keySet;
    }

    private static Map<String, String> jwk(RSAPublicKey key) {
        return Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", thumbprint(key),
                "n", base64Url(key.getModulus()), "e", base64Url(key.getPublicExponent()));
    }

    static KeyPair loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(pemBody(file)));
            return new KeyPair(publicOf(key), key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("The signing key " + file + " is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    /**
     * Writes a new key to a file of its own, then links it into place: a link is never replaced, so of replicas
     * starting together on an empty volume one wins and all read the winner's key (a check, then a write, let two
     * replicas sign with different keys).
     */
    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path draft = Files.createTempFile(dir, ".signing-key-", ".pem");
        try {
            try {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(generate().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(draft, pem, StandardCharsets.US_ASCII);
            Files.createLink(file, draft);
            Log.infof("Created a token signing key at %s", file);
        } catch (FileAlreadyExistsException raced) {
            Log.infof("Another instance created the token signing key at %s first; using it", file);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    /** A previous key: its private (PKCS#8) or public (X.509 SubjectPublicKeyInfo) PEM. */
    private static RSAPublicKey readPublic(Path file) {
        try {
            byte[] der = pemBody(file);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (Files.readString(file, StandardCharsets.US_ASCII).contains("PUBLIC KEY")) {
                return (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der));
            }
            return publicOf((RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the previous signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("The previous signing key " + file + " is not an RSA key in PEM", e);
        }
    }

    private static byte[] pemBody(Path file) throws IOException {
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static RSAPublicKey publicOf(RSAPrivateCrtKey key) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String thumbprint(RSAPublicKey key) {
        // RFC 7638: SHA-256 of the required members in lexicographic order.
        String json = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
