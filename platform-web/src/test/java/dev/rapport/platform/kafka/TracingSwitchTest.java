package dev.rapport.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingSwitchTest {

    @Test
    void offUnlessAnEndpointIsNamed() {
        assertThat(sdkDisabled(Map.of())).isTrue();
        assertThat(sdkDisabled(Map.of("rapport.otel.endpoint", ""))).isTrue();
        assertThat(sdkDisabled(Map.of("rapport.otel.endpoint", "http://otel-collector:4317"))).isFalse();
    }

    @Test
    void aMappingsDefaultIsNoSetting() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withInterceptors(new TracingSwitch())
                .withDefaultValue("quarkus.otel.sdk.disabled", "false").build();
        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }

    @Test
    void anExplicitSettingWins() {
        assertThat(sdkDisabled(Map.of("rapport.otel.endpoint", "http://otel-collector:4317",
                "quarkus.otel.sdk.disabled", "true"))).isTrue();
        assertThat(sdkDisabled(Map.of("quarkus.otel.sdk.disabled", "false"))).isFalse();
    }

    @Test
    void smallRyesKafkaChannelsTraceOnlyWhenTracingIsOn() {
        String channel = "mp.messaging.incoming.sessions.tracing-enabled";
        assertThat(value(Map.of(), channel)).isFalse();
        assertThat(value(Map.of("rapport.otel.endpoint", "http://otel-collector:4317"), channel)).isTrue();
        assertThat(value(Map.of("quarkus.otel.sdk.disabled", "false"), channel)).isTrue();
        assertThat(value(Map.of("rapport.otel.endpoint", "http://otel-collector:4317", channel, "false"), channel))
                .isFalse();
        assertThat(config(Map.of()).getOptionalValue("mp.messaging.incoming.sessions.topic", String.class))
                .as("other keys untouched").isEmpty();
    }

    private static boolean sdkDisabled(Map<String, String> properties) {
        return value(properties, "quarkus.otel.sdk.disabled");
    }

    private static boolean value(Map<String, String> properties, String name) {
        return config(properties).getValue(name, Boolean.class);
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withInterceptors(new TracingSwitch())
                .withSources(new PropertiesConfigSource(properties, "test", 250)).build();
    }
}
