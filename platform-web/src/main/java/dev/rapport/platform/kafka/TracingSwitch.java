package dev.rapport.platform.kafka;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * Tracing is off unless an OTLP receiver is named, so that one variable turns it on: when nothing sets them,
 * {@code quarkus.otel.sdk.disabled} is true, and SmallRye's Kafka channels' {@code tracing-enabled} false (no span
 * work per record), unless {@code rapport.otel.endpoint} ({@code RAPPORT_OTEL_ENDPOINT}) is set. An explicit setting
 * of either (QUARKUS_OTEL_SDK_DISABLED, ...) wins.
 */
@Priority(Priorities.APPLICATION + 100)
public class TracingSwitch implements ConfigSourceInterceptor {
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String ENDPOINT = "rapport.otel.endpoint";

    /** Below it: the defaults of the configuration mappings (Quarkus's and SmallRye's), not a setting. */
    private static final int DEFAULTS = Integer.MIN_VALUE + 1_000;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (set(value)) {
            return value;
        }
        if (SDK_DISABLED.equals(name)) {
            return derived(name, !on(context));
        }
        if (name.startsWith("mp.messaging.") && name.endsWith(".tracing-enabled")) {
            ConfigValue disabled = context.proceed(SDK_DISABLED);
            boolean sdkOn = set(disabled) ? !Boolean.parseBoolean(disabled.getValue()) : on(context);
            return derived(name, sdkOn);
        }
        return value;
    }

    private static boolean set(ConfigValue value) {
        return value != null && value.getValue() != null && value.getConfigSourceOrdinal() > DEFAULTS;
    }

    private static boolean on(ConfigSourceInterceptorContext context) {
        ConfigValue endpoint = context.proceed(ENDPOINT);
        return endpoint != null && endpoint.getValue() != null && !endpoint.getValue().isBlank();
    }

    private static ConfigValue derived(String name, boolean value) {
        return ConfigValue.builder().withName(name).withValue(Boolean.toString(value))
                .withConfigSourceName(TracingSwitch.class.getSimpleName()).build();
    }
}
