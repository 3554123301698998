package dev.rapport.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one configuration of Rapport's own producers (outbox relay, gateway ingest): the service's Kafka client settings
 * (security included), then idempotent, acknowledged by all in-sync replicas, order kept per partition across retries,
 * and a bounded time to give up.
 */
public final class ReliableProducers {
    private ReliableProducers() {
    }

    public static KafkaProducer<String, String> create(KafkaClientSettings settings, String clientId,
                                                       int deliveryTimeoutMs) {
        Map<String, Object> own = new HashMap<>();
        own.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        own.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        own.put(ProducerConfig.ACKS_CONFIG, "all");
        own.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        own.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        // the producer wants delivery.timeout.ms >= linger.ms + request.timeout.ms
        own.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(10_000, deliveryTimeoutMs - 1));
        own.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        own.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        own.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(settings.producer(own));
    }
}
