package dev.rapport.gateway.telephony;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.CloudEventHeaders;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.gateway.ingest.EventProducer;
import dev.rapport.platform.kafka.KafkaClientSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The stand-in for the telephony side, for the demo and the tests (off unless {@code rapport.telephony.simulator}
 * is enabled): reads 'interaction-commands' in one consumer group (so with several gateways each command is answered
 * once) and answers on 'interactions' after {@code answer-delay}, as {@link TelephonyAnswers} says. A real telephony
 * integration does the same against the switch (docs/sessions.md, "Interaction commands").
 */
@ApplicationScoped
public class TelephonySimulator {
    static final String GROUP = "rapport-telephony-simulator";
    private static final String SOURCE = "/rapport/gateway/telephony-simulator";

    private final TelephonySimulatorConfig config;
    private final KafkaClientSettings kafka;
    private final EventProducer producer;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private ScheduledExecutorService answers;

    TelephonySimulator(TelephonySimulatorConfig config, KafkaClientSettings kafka, EventProducer producer) {
        this.config = config;
        this.kafka = kafka;
        this.producer = producer;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        Log.infof("Telephony simulator on: answering %s on %s after %s", Topics.INTERACTION_COMMANDS,
                Topics.INTERACTIONS, config.answerDelay());
        running = true;
        answers = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "telephony-simulator-answers"));
        Thread thread = new Thread(this::run, "telephony-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (answers != null) {
            answers.shutdown();
        }
    }

    private void run() {
        while (running) {
            Map<String, Object> own = new HashMap<>();
            own.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
            own.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-telephony-simulator");
            own.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            own.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            own.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(kafka.consumer(own))) {
                consumer = c;
                c.subscribe(List.of(Topics.INTERACTION_COMMANDS));
                while (running) {
                    for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(500))) {
                        answer(record);
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                Log.warnf("Telephony simulator paused 1 s: %s", e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void answer(ConsumerRecord<String, String> record) {
        InteractionCommand command;
        try {
            command = EventSchemas.INTERACTION_COMMAND.parse(KafkaCloudEvents.fromRecord(record).data(),
                    InteractionCommand.class);
        } catch (RuntimeException e) {
            Log.warnf("Telephony simulator skipped a command it cannot read (partition %d, offset %d): %s",
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        String correlationId = KafkaCloudEvents.header(record.headers(), CloudEventHeaders.CORRELATION_ID);
        List<InteractionEvent> events = TelephonyAnswers.to(command, Instant.now());
        answers.schedule(() -> events.forEach(e -> producer.send(Topics.INTERACTIONS, new CloudEvent(e.id(),
                        EventTypes.interaction(e.type()), SOURCE, e.interactionId(), Instant.now(),
                        EventSchemas.INTERACTION_EVENT.write(e)), correlationId)
                        .exceptionally(error -> {
                            Log.warnf("Telephony simulator could not answer %s: %s", command.commandId(),
                                    error.getMessage());
                            return null;
                        })),
                config.answerDelay().toMillis(), TimeUnit.MILLISECONDS);
    }
}
