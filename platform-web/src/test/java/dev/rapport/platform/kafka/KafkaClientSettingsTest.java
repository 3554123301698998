package dev.rapport.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {
    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"rapport\" password=\"s3cr3t-jaas\";";

    // as Quarkus hands them over: kafka.* without the prefix, KAFKA_* environment names folded in
    final KafkaClientSettings settings = new KafkaClientSettings(Map.of(
            "bootstrap.servers", "broker-1:9093,broker-2:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.location", "/etc/rapport/truststore.p12",
            "ssl.truststore.password", "s3cr3t-store",
            "group.id", "script-service",
            "session.timeout.ms", "10000"));

    @Test
    void everyKindOfClientGetsTheSecuritySettings() {
        for (Map<String, Object> client : new Map[] {settings.producer(Map.of()), settings.consumer(Map.of()),
                settings.admin(Map.of())}) {
            assertThat(client).containsEntry("bootstrap.servers", "broker-1:9093,broker-2:9093")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", JAAS)
                    .containsEntry("ssl.truststore.location", "/etc/rapport/truststore.p12")
                    .containsEntry("ssl.truststore.password", "s3cr3t-store");
        }
    }

    @Test
    void aClientTakesOnlyTheSettingsItKnowsThenItsOwn() {
        assertThat(settings.producer(Map.of("acks", "all")))
                .doesNotContainKeys("group.id", "session.timeout.ms")
                .containsEntry("acks", "all");
        assertThat(settings.consumer(Map.of("group.id", "mine")))
                .containsEntry("group.id", "mine")
                .containsEntry("session.timeout.ms", "10000");
        assertThat(settings.admin(Map.of())).doesNotContainKeys("group.id", "session.timeout.ms");
    }

    @Test
    void whatMayBeLoggedShowsNoSecret() {
        String shown = settings.toString();
        assertThat(shown).contains("SASL_SSL", "SCRAM-SHA-512", "/etc/rapport/truststore.p12", "broker-1:9093")
                .doesNotContain("s3cr3t", "ScramLoginModule");
        assertThat(settings.redacted()).containsEntry("sasl.jaas.config", "[hidden]")
                .containsEntry("ssl.truststore.password", "[hidden]");
        assertThat(KafkaClientSettings.secret("ssl.keystore.key")).isTrue();
        assertThat(KafkaClientSettings.secret("ssl.key.password")).isTrue();
        assertThat(KafkaClientSettings.secret("sasl.oauthbearer.client.credentials.client.secret")).isTrue();
    }

    @Test
    void withoutBootstrapServersItSaysWhichSettingIsMissing() {
        assertThatThrownBy(() -> new KafkaClientSettings(Map.of("security.protocol", "SSL")))
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }
}
