package dev.rapport.gateway.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An adapter is on only when its secret is set, and a shared secret too short to resist guessing stops the start. */
class AdapterSwitchesTest {

    private static AdaptersConfig config(String twilioToken, String connectSecret, String genesysSecret) {
        return new AdaptersConfig() {
            @Override
            public Twilio twilio() {
                return new Twilio() {
                    @Override
                    public Optional<String> authToken() {
                        return Optional.ofNullable(twilioToken);
                    }

                    @Override
                    public Optional<URI> publicUrl() {
                        return Optional.empty();
                    }

                    @Override
                    public String digitsAttribute() {
                        return "Digits";
                    }

                    @Override
                    public String speechAttribute() {
                        return "SpeechResult";
                    }
                };
            }

            @Override
            public SharedSecret connect() {
                return shared(connectSecret);
            }

            @Override
            public SharedSecret genesys() {
                return shared(genesysSecret);
            }
        };
    }

    private static AdaptersConfig.SharedSecret shared(String secret) {
        return new AdaptersConfig.SharedSecret() {
            @Override
            public Optional<String> secret() {
                return Optional.ofNullable(secret);
            }

            @Override
            public String header() {
                return "X-Rapport-Secret";
            }
        };
    }

    @Test
    void nothingConfiguredIsAllOff() {
        AdapterSwitches switches = new AdapterSwitches(config(null, null, null));
        assertThat(switches.twilioOn()).isFalse();
        assertThat(switches.connectOn()).isFalse();
        assertThat(switches.genesysOn()).isFalse();
    }

    @Test
    void eachAdapterWhoseSecretIsSetIsOn() {
        AdapterSwitches switches = new AdapterSwitches(config("token", null, "sixteen-characters"));
        assertThat(switches.twilioOn()).isTrue();
        assertThat(switches.connectOn()).isFalse();
        assertThat(switches.genesysOn()).isTrue();
    }

    @Test
    void aShortSharedSecretStopsTheStartWithoutShowingIt() {
        assertThatThrownBy(() -> new AdapterSwitches(config(null, "short-secret", null)))
                .hasMessageContaining("RAPPORT_ADAPTERS_CONNECT_SECRET has 12 characters; at least 16")
                .message().doesNotContain("short-secret");
    }

    @Test
    void aSecretIsComparedWhole() {
        AdaptersConfig.SharedSecret adapter = shared("sixteen-characters");
        SharedSecretCheck.require(adapter, "sixteen-characters");
        assertThatThrownBy(() -> SharedSecretCheck.require(adapter, "sixteen-character"))
                .isInstanceOfSatisfying(AdapterRefusal.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> SharedSecretCheck.require(adapter, null))
                .isInstanceOfSatisfying(AdapterRefusal.class, e -> assertThat(e.code())
                        .isEqualTo("authentication.required"));
    }
}
