package dev.rapport.action.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Outside dev/test/demo the service does not start on the published development key; an empty key is unset. */
class StartupSecretsTest {

    static SecretsConfig config(String key, boolean allowDev) {
        return new SecretsConfig() {
            @Override
            public Optional<String> key() {
                return Optional.ofNullable(key);
            }

            @Override
            public boolean allowDevelopmentKey() {
                return allowDev;
            }
        };
    }

    @Test
    void anUnsetOrEmptyKeyStopsTheServiceOutsideDevelopmentProfiles() {
        for (String key : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> new CredentialCipher(config(key, false)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("RAPPORT_SECRETS_KEY")
                    .hasMessageContaining("openssl rand -base64 32");
        }
    }

    @Test
    void theDevelopmentKeyIsOnlyAStandInWhereAllowed() {
        CredentialCipher dev = new CredentialCipher(config("", true));
        byte[] sealed = dev.encrypt(new byte[] {1, 2, 3}, "i1");
        assertThat(dev.decrypt(sealed, "i1")).containsExactly(1, 2, 3);
        String real = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(new CredentialCipher(config(real, false)).encrypt(new byte[] {1}, "i1")).isNotEmpty();
        assertThatThrownBy(() -> new CredentialCipher(config("not base64!", false)))
                .isInstanceOf(IllegalStateException.class);
    }
}
