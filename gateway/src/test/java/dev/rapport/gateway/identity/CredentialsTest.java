package dev.rapport.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets: none has a default in production, clear passwords are refused, and the refusal says what to do. */
class CredentialsTest {

    private static IdentityConfig config(Map<String, String> properties, String... profiles) throws IOException {
        URL file = CredentialsTest.class.getClassLoader().getResource("application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(file, 250))
                .withSources(new PropertiesConfigSource(properties, "test-overrides", 400))
                .withProfiles(java.util.List.of(profiles))
                .withConverter(java.time.Duration.class, 100, new DurationConverter())
                .withMapping(IdentityConfig.class)
                .withDefaultValue("smallrye.config.mapping.validate-unknown", "false")
                .build();
        return config.getConfigMapping(IdentityConfig.class);
    }

    @Test
    void inProductionTheGatewayRefusesToStartWithoutTheActionServiceSecretNamingItsVariable() throws IOException {
        IdentityConfig prod = config(Map.of(), "prod");
        assertThat(prod.users()).isEmpty();
        assertThatThrownBy(() -> new Credentials(prod)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rapport.identity.clients.action-service.secret")
                .hasMessageContaining("RAPPORT_IDENTITY_CLIENTS_ACTION_SERVICE_SECRET")
                .hasMessageContaining("PasswordHash");
    }

    @Test
    void inProductionTheGatewayRefusesToStartWithoutASigningKey() throws IOException {
        IdentityConfig prod = config(Map.of(), "prod");
        assertThat(prod.signingKey().filter(s -> !s.isBlank())).isEmpty();
        assertThatThrownBy(() -> new SigningKey(prod)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RAPPORT_IDENTITY_SIGNING_KEY");
    }

    @Test
    void aPasswordInClearTextIsRefusedWithoutEchoingIt() throws IOException {
        IdentityConfig clear = config(Map.of("rapport.identity.users.eve.password", "s3cret-in-clear",
                "rapport.identity.users.eve.roles", "agent",
                "rapport.identity.clients.action-service.secret", PasswordHash.hash("x".toCharArray(), 1_000)),
                "prod");
        assertThatThrownBy(() -> new Credentials(clear)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rapport.identity.users.eve.password is not a password hash")
                .hasMessageNotContaining("s3cret-in-clear");
    }

    @Test
    void theDemoProfileKeepsItsUsersWithHashedPasswords() throws IOException {
        Credentials demo = new Credentials(config(Map.of(), "prod", "demo"));
        assertThat(demo.userMatches("alex", "alex")).isTrue();
        assertThat(demo.userMatches("admin", "admin")).isTrue();
        assertThat(demo.clientMatches("ivr", "ivr-secret")).isTrue();
        assertThat(demo.clientMatches("action-service", "action-service-secret")).isTrue();
        assertThat(demo.userMatches("alex", "admin")).isFalse();
        assertThat(demo.userMatches("nobody", "alex")).isFalse();
    }
}
