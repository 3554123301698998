package dev.rapport.script.sessions;

import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.ActionResult;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays action-service on the real broker for script-service's tests: reads 'action-requests', answers on
 * 'action-results' as {@code answer} says (null: never answers). The real action-service is exercised in e2e-tests.
 */
final class FakeActionService implements AutoCloseable {
    final List<ActionRequest> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    FakeActionService(String bootstrap, Function<ActionRequest, ActionResult> answer) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "fake-action-service-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
        consumer.subscribe(List.of(Topics.ACTION_REQUESTS));
        // Join the group before the test sends anything, so no request is missed.
        long until = System.currentTimeMillis() + 15_000;
        while (consumer.assignment().isEmpty() && System.currentTimeMillis() < until) {
            consumer.poll(Duration.ofMillis(100));
        }
        KafkaProducer<String, String> producer = new KafkaProducer<>(p);
        thread = new Thread(() -> {
            try (consumer; producer) {
                while (running) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        ActionRequest request = EventJson.read(record.value(), ActionRequest.class);
                        received.add(request);
                        ActionResult result = answer.apply(request);
                        if (result != null) {
                            producer.send(KafkaCloudEvents.toRecord(Topics.ACTION_RESULTS, new CloudEvent(
                                    UUID.randomUUID().toString(), EventTypes.ACTION_COMPLETED, "/test/action-service",
                                    request.interactionId(), Instant.now(), EventJson.write(result)), null));
                        }
                    }
                }
            }
        }, "fake-action-service");
        thread.setDaemon(true);
        thread.start();
    }

    static ActionResult success(ActionRequest request, Map<String, Object> outputs) {
        return new ActionResult(request.requestId(), request.interactionId(), request.actionId(), true, outputs, null, 5);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
