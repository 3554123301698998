package dev.rapport.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void aHashMatchesItsPasswordOnlyAndIsSaltedEachTime() {
        String stored = PasswordHash.hash("correct horse".toCharArray(), 1_000);
        assertThat(stored).startsWith("$pbkdf2-sha512$1000$");
        assertThat(PasswordHash.parse(stored).matches("correct horse")).isTrue();
        assertThat(PasswordHash.parse(stored).matches("correct horsE")).isFalse();
        assertThat(PasswordHash.parse(stored).matches(null)).isFalse();
        assertThat(PasswordHash.hash("correct horse".toCharArray(), 1_000)).isNotEqualTo(stored);
    }

    @Test
    void aClearPasswordOrAWeakHashIsNotAHash() {
        assertThatThrownBy(() -> PasswordHash.parse("alex")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("alex");
        assertThatThrownBy(() -> PasswordHash.parse("$pbkdf2-sha512$10$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
