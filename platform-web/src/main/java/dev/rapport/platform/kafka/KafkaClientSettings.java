package dev.rapport.platform.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * What every Kafka client Rapport builds by hand starts from: the {@code kafka.*} properties (environment
 * {@code KAFKA_*}) that SmallRye's connector gets too, so one set of properties (bootstrap servers, TLS, SASL, ...)
 * configures every client of a service. Each kind of client takes only the settings it knows, then its own.
 * {@link #toString()} shows no secret.
 */
public final class KafkaClientSettings {
    /** Read by Quarkus's TLS registry bridge (QuarkusKafkaSslEngineFactory), not a Kafka setting: passed through. */
    static final String QUARKUS_TLS_CONFIGURATION = "tls-configuration-name";

    private static final Set<String> PRODUCER = known(ProducerConfig.configNames());
    private static final Set<String> CONSUMER = known(ConsumerConfig.configNames());
    private static final Set<String> ADMIN = known(AdminClientConfig.configNames());
    private static final Set<String> PASSWORDS = Stream.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
                    AdminClientConfig.configDef())
            .flatMap(def -> def.configKeys().values().stream())
            .filter(key -> key.type == ConfigDef.Type.PASSWORD)
            .map(key -> key.name)
            .collect(Collectors.toUnmodifiableSet());

    private final Map<String, Object> common;

    /** @param settings the {@code kafka.*} properties without their prefix (Quarkus's "default-kafka-broker" map) */
    public KafkaClientSettings(Map<String, ?> settings) {
        Map<String, Object> copy = new HashMap<>();
        settings.forEach((k, v) -> {
            if (v != null && !v.toString().isEmpty()) {
                copy.put(k, v);
            }
        });
        if (!copy.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("kafka.bootstrap.servers (KAFKA_BOOTSTRAP_SERVERS) is not set");
        }
        this.common = Map.copyOf(copy);
    }

    /** Plain settings: a broker without TLS or SASL (tests, the local run). */
    public static KafkaClientSettings bootstrap(String bootstrapServers) {
        return new KafkaClientSettings(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public String bootstrapServers() {
        return common.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG).toString();
    }

    /** The settings of a producer: the common ones a producer knows, then {@code own}. */
    public Map<String, Object> producer(Map<String, ?> own) {
        return forClient(PRODUCER, own);
    }

    /** The settings of a consumer: the common ones a consumer knows (group.id included), then {@code own}. */
    public Map<String, Object> consumer(Map<String, ?> own) {
        return forClient(CONSUMER, own);
    }

    /** The settings of an admin client: the common ones it knows, then {@code own}. */
    public Map<String, Object> admin(Map<String, ?> own) {
        return forClient(ADMIN, own);
    }

    /** Every common setting, secrets replaced by {@code [hidden]}: what may be logged. */
    public Map<String, String> redacted() {
        Map<String, String> shown = new TreeMap<>();
        common.forEach((k, v) -> shown.put(k, secret(k) ? "[hidden]" : v.toString()));
        return shown;
    }

    @Override
    public String toString() {
        return redacted().toString();
    }

    /** Kafka's own password-typed settings, and any name that says it holds a secret (custom login modules). */
    static boolean secret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return PASSWORDS.contains(k) || k.contains("password") || k.contains("secret") || k.contains("jaas")
                || k.contains("credential") || k.endsWith(".key");
    }

    private Map<String, Object> forClient(Set<String> known, Map<String, ?> own) {
        Map<String, Object> settings = new HashMap<>();
        common.forEach((k, v) -> {
            if (known.contains(k)) {
                settings.put(k, v);
            }
        });
        settings.putAll(own);
        return settings;
    }

    private static Set<String> known(Set<String> names) {
        return Stream.concat(names.stream(), Stream.of(QUARKUS_TLS_CONFIGURATION))
                .collect(Collectors.toUnmodifiableSet());
    }
}
