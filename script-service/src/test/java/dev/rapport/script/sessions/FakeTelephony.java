package dev.rapport.script.sessions;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * Plays the telephony side on the real broker for script-service's tests: reads 'interaction-commands' (each checked
 * against its schema, as a real integration would), answers on 'interactions' as {@code answer} says (null: never
 * answers). The gateway's simulator is the same stand-in for the demo.
 */
final class FakeTelephony implements AutoCloseable {
    final List<InteractionCommand> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    FakeTelephony(String bootstrap, Function<InteractionCommand, InteractionEvent> answer) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "fake-telephony-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
        consumer.subscribe(List.of(Topics.INTERACTION_COMMANDS));
        long until = System.currentTimeMillis() + 15_000;
        while (consumer.assignment().isEmpty() && System.currentTimeMillis() < until) {
            consumer.poll(Duration.ofMillis(100));
        }
        KafkaProducer<String, String> producer = new KafkaProducer<>(p);
        thread = new Thread(() -> {
            try (consumer; producer) {
                while (running) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        CloudEvent envelope = KafkaCloudEvents.fromRecord(record);
                        InteractionCommand command = EventSchemas.INTERACTION_COMMAND.parse(envelope.data(),
                                InteractionCommand.class);
                        if (!envelope.type().equals(EventTypes.interactionCommand(command.type()))
                                || !command.interactionId().equals(record.key())) {
                            throw new IllegalStateException("envelope and command disagree: " + envelope);
                        }
                        received.add(command);
                        InteractionEvent event = answer.apply(command);
                        if (event != null) {
                            producer.send(KafkaCloudEvents.toRecord(Topics.INTERACTIONS, new CloudEvent(event.id(),
                                    EventTypes.interaction(event.type()), "/test/telephony", event.interactionId(),
                                    Instant.now(), EventJson.write(event)), null));
                        }
                    }
                }
            }
        }, "fake-telephony");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
