package dev.rapport.script.sessions;

import dev.rapport.contract.Topics;
import dev.rapport.contract.failure.KafkaFailures;
import dev.rapport.platform.kafka.KafkaClientSettings;
import dev.rapport.platform.kafka.RecordTracing;
import dev.rapport.platform.kafka.ReliableProducers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The session core's consumers: {@code consumers} threads in group {@code script-service}, each polling its share of
 * the partitions of the session's input topics and applying each poll as one batch ({@link SessionBatch}), then
 * committing the offsets. The threads work in parallel; within a partition records are applied in offset order.
 * A batch that fails is applied again one record at a time, and a record that fails alone goes to its topic's
 * dead-letter topic with the reason: nothing blocks a partition, nothing is lost. Unless the failure is the system's
 * (the database, the broker: {@link KafkaFailures} decides): then the poll stays uncommitted and comes again.
 */
@ApplicationScoped
public class SessionConsumers {
    static final String GROUP = "script-service";
    static final List<String> TOPICS = List.of(Topics.INTERACTIONS, Topics.AGENT_COMMANDS, Topics.ACTION_RESULTS,
            Topics.DATATABLE_CHANGES);
    /** How long a stop waits for the batches in hand; below quarkus.shutdown.timeout's share of a pod's grace. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int DEAD_LETTER_TIMEOUT_MS = 30_000;

    private final SessionsConfig config;
    private final SessionBatch batch;
    private final SessionRecords records;
    private final KafkaClientSettings kafka;
    private final MeterRegistry registry;
    private final RecordTracing tracing;
    private final List<SessionConsumerWorker> workers = new ArrayList<>();
    private KafkaProducer<String, String> deadLetters;

    SessionConsumers(SessionsConfig config, SessionBatch batch, SessionRecords records, MeterRegistry registry,
                     KafkaClientSettings kafka, RecordTracing tracing) {
        this.config = config;
        this.batch = batch;
        this.records = records;
        this.registry = registry;
        this.kafka = kafka;
        this.tracing = tracing;
    }

    // After topic provisioning (PLATFORM_BEFORE + 1), like the messaging channels were.
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Session consumers disabled");
            return;
        }
        deadLetters = ReliableProducers.create(kafka, "script-service-dead-letters", DEAD_LETTER_TIMEOUT_MS);
        for (int i = 0; i < config.consumers(); i++) {
            String name = "session-consumer-" + i;
            SessionConsumerWorker worker = new SessionConsumerWorker(name, consumerConfig(name), TOPICS,
                    config.commitInterval(), this::handle, tracing);
            workers.add(worker);
            worker.start();
        }
    }

    /** Each thread finishes the batch in hand, commits it and leaves the group; then the dead-letter producer closes. */
    void onStop(@Observes ShutdownEvent event) {
        workers.forEach(SessionConsumerWorker::stop);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (SessionConsumerWorker w : workers) {
            w.join(Duration.ofNanos(deadline - System.nanoTime()));
            if (w.alive()) {
                Log.warnf("%s still in a batch after %s: its uncommitted inputs come again elsewhere",
                        w.thread.getName(), STOP_TIMEOUT);
            }
        }
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    /** True while every consumer thread is alive (readiness). */
    public boolean healthy() {
        return !config.enabled() || !workers.isEmpty() && workers.stream().allMatch(SessionConsumerWorker::alive);
    }

    /** Records of this instance's partitions not yet polled, as of each thread's last poll (readiness). */
    public long lag() {
        return workers.stream().mapToLong(SessionConsumerWorker::lag).sum();
    }

    private void handle(ConsumerRecords<String, String> polled) {
        List<SessionBatch.Delivery> deliveries = new ArrayList<>(polled.count());
        List<ConsumerRecord<String, String>> sources = new ArrayList<>(polled.count());
        for (ConsumerRecord<String, String> record : polled) {
            try {
                deliveries.add(records.read(record));
                sources.add(record);
            } catch (RuntimeException e) {
                deadLetterOrRetry(record, e);
            }
        }
        if (deliveries.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            batch.prefetch(deliveries);
        } catch (RuntimeException e) {
            Log.debugf("Lookups not read ahead: %s", e.getMessage());
        }
        try {
            batch.apply(deliveries);
        } catch (RuntimeException batchFailure) {
            Log.warnf("A batch of %d inputs failed (%s); applying them one at a time", deliveries.size(),
                    batchFailure.getMessage());
            for (int i = 0; i < deliveries.size(); i++) {
                try {
                    batch.apply(List.of(deliveries.get(i)));
                } catch (RuntimeException e) {
                    deadLetterOrRetry(sources.get(i), e);
                }
            }
        }
        registry.timer("rapport.sessions.batch").record(Duration.ofNanos(System.nanoTime() - started));
        registry.summary("rapport.sessions.batch.size").record(deliveries.size());
    }

    /**
     * A record at fault goes to the dead-letter topic; a failing system is thrown on, so the worker restarts and the
     * uncommitted poll comes again (what was applied of it is deduplicated then).
     */
    private void deadLetterOrRetry(ConsumerRecord<String, String> record, RuntimeException e) {
        if (!(KafkaFailures.judge(e) instanceof KafkaFailures.DeadLetter dead)) {
            throw e;
        }
        String reason = dead.reason();
        Log.warnf("Dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        registry.counter("rapport.sessions.dead-lettered", "topic", record.topic()).increment();
        try {
            deadLetters.send(SessionRecords.deadLetter(record, reason)).get(DEAD_LETTER_TIMEOUT_MS,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception sendFailure) {
            // Not committed: the record comes again and is dead-lettered then.
            throw new IllegalStateException("dead letter not written: " + sendFailure.getMessage(), sendFailure);
        }
    }

    private Map<String, Object> consumerConfig(String clientId) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "script-service-" + clientId);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Object> settings = kafka.consumer(c);
        settings.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        settings.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return settings;
    }

}
