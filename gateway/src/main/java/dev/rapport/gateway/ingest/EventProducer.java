package dev.rapport.gateway.ingest;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.platform.kafka.KafkaClientSettings;
import dev.rapport.platform.kafka.RecordTracing;
import dev.rapport.platform.kafka.ReliableProducers;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces CloudEvents from the gateway (it has no database, so no outbox): the caller learns the outcome only once
 * the broker has acknowledged the record, and a retry with the same event id is dropped by the consumers. With tracing
 * on, each record carries the trace of the request that sent it ({@link RecordTracing}).
 */
@ApplicationScoped
public class EventProducer {
    private final KafkaProducer<String, String> producer;
    private final RecordTracing tracing;

    EventProducer(KafkaClientSettings kafka, @ConfigProperty(name = "quarkus.application.name") String applicationName,
                  RecordTracing tracing) {
        this.producer = ReliableProducers.create(kafka, applicationName + "-events", 15_000);
        this.tracing = tracing;
    }

    public CompletionStage<Void> send(String topic, CloudEvent event, String correlationId) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        ProducerRecord<String, String> record = KafkaCloudEvents.toRecord(topic, event, correlationId);
        RecordTracing.Send trace = tracing.send(topic, record.headers());
        producer.send(record, (metadata, error) -> {
            trace.acknowledged(error);
            if (error == null) {
                acked.complete(null);
            } else {
                acked.completeExceptionally(error);
            }
        });
        return acked;
    }

    void onStop(@Observes ShutdownEvent event) {
        producer.close();
    }
}
