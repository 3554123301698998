package dev.rapport.action.integrations;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import io.quarkus.logging.Log;

/**
 * Encrypts credentials at rest with AES-256-GCM: a fresh 12-byte nonce per value, stored in front of the ciphertext;
 * the integration id is the associated data, so a ciphertext copied to another integration does not decrypt.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // a missing key stops the service at start, not at the first credential
public class CredentialCipher {
    /** DEVELOPMENT ONLY: a published key. Production sets RAPPORT_SECRETS_KEY (base64 of 32 random bytes). */
    static final String DEV_KEY = "cmFwcG9ydC1kZXYta2V5LW5vdC1mb3ItcHJvZHVjdGk=";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(SecretsConfig config) {
        String base64Key = config.key().map(String::trim).filter(k -> !k.isEmpty()).orElse(null);
        if (base64Key == null) {
            if (!config.allowDevelopmentKey()) {
                throw new IllegalStateException("RAPPORT_SECRETS_KEY (rapport.secrets.key) is not set: action-service "
                        + "encrypts integration credentials with it and will not start without it. Set it to base64 of "
                        + "32 random bytes (e.g. `openssl rand -base64 32`), the same on every replica. (The published "
                        + "development key is used only in the dev, test and demo profiles.)");
            }
            base64Key = DEV_KEY;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("rapport.secrets.key (RAPPORT_SECRETS_KEY) is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("rapport.secrets.key (RAPPORT_SECRETS_KEY) must be base64 of 32 bytes, got "
                    + raw.length);
        }
        if (DEV_KEY.equals(base64Key)) {
            Log.warn("Credentials are encrypted with the published development key; set RAPPORT_SECRETS_KEY in production");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public byte[] encrypt(byte[] plain, String integrationId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(integrationId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt credentials", e);
        }
    }

    public byte[] decrypt(byte[] stored, String integrationId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(integrationId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the credentials of integration " + integrationId
                    + " (was RAPPORT_SECRETS_KEY changed?)", e);
        }
    }
}
