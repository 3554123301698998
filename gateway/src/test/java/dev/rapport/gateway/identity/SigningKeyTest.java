package dev.rapport.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {
    @TempDir
    Path dir;

    /** Gateways starting together on an empty volume: all of them sign with the one key the first one wrote. */
    @Test
    void replicasStartingTogetherShareOneKey() throws Exception {
        Path file = dir.resolve("keys/signing-key.pem");
        int replicas = 6;
        ExecutorService starting = Executors.newFixedThreadPool(replicas);
        try {
            List<Callable<KeyPair>> starts = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                starts.add(() -> SigningKey.loadOrCreate(file));
            }
            List<String> kids = new ArrayList<>();
            for (Future<KeyPair> started : starting.invokeAll(starts)) {
                kids.add(new SigningKey(started.get(), List.of()).keyId());
            }
            assertThat(kids).hasSize(replicas).containsOnly(kids.get(0));
            assertThat(new SigningKey(SigningKey.loadOrCreate(file), List.of()).keyId()).isEqualTo(kids.get(0));
            try (var left = Files.list(file.getParent())) {
                assertThat(left).as("no draft left beside the key").containsExactly(file);
            }
        } finally {
            starting.shutdownNow();
        }
    }

    /** After a rotation the old key is still published (private or public PEM), so its tokens verify until they expire. */
    @Test
    void previousKeysArePublishedAfterTheCurrentOne() throws Exception {
        SigningKey old = new SigningKey(SigningKey.loadOrCreate(dir.resolve("old.pem")), List.of());
        Path oldPublic = dir.resolve("old-public.pem");
        KeyPair oldPair = SigningKey.loadOrCreate(dir.resolve("old.pem"));
        Files.writeString(oldPublic, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(oldPair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);

        for (Path previous : List.of(dir.resolve("old.pem"), oldPublic)) {
            SigningKey current = new SigningKey(SigningKey.loadOrCreate(dir.resolve("new.pem")),
                    List.of(previous.toString()));
            assertThat(current.keySet()).extracting(k -> k.get("kid")).containsExactly(current.keyId(), old.keyId());
            assertThat(current.keySet().get(1)).containsEntry("n", old.jwk().get("n"));
            assertThat(current.jwk()).isEqualTo(current.keySet().get(0));
        }
        SigningKey same = new SigningKey(SigningKey.loadOrCreate(dir.resolve("old.pem")),
                List.of(dir.resolve("old.pem").toString()));
        assertThat(same.keySet()).as("the current key is not listed twice").hasSize(1);
        assertThat(same.keySet().get(0)).isInstanceOf(Map.class);
    }
}
