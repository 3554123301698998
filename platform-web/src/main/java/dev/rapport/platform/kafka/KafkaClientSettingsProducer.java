package dev.rapport.platform.kafka;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/** Makes {@link KafkaClientSettings} from the same map Quarkus hands SmallRye's Kafka connector. */
@ApplicationScoped
class KafkaClientSettingsProducer {

    @Produces
    @Singleton
    KafkaClientSettings settings(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        KafkaClientSettings settings = new KafkaClientSettings(kafka);
        Log.infof("Kafka clients use %s", settings);
        return settings;
    }
}
