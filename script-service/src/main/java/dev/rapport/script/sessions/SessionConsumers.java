package dev.rapport.script.sessions;

import dev.rapport.contract.Topics;
import dev.rapport.contract.failure.KafkaFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

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

    private final SessionsConfig config;
    private final SessionBatch batch;
    private final SessionRecords records;
    private final Map<String, Object> kafka;
    private final MeterRegistry registry;
    private final List<Worker> workers = new ArrayList<>();
    private KafkaProducer<String, String> deadLetters;

    SessionConsumers(SessionsConfig config, SessionBatch batch, SessionRecords records, MeterRegistry registry,
                     @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.batch = batch;
        this.records = records;
        this.registry = registry;
        this.kafka = kafka;
    }

    // After topic provisioning (PLATFORM_BEFORE + 1), like the messaging channels were.
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Session consumers disabled");
            return;
        }
        deadLetters = new KafkaProducer<>(producerConfig());
        for (int i = 0; i < config.consumers(); i++) {
            Worker worker = new Worker(i);
            workers.add(worker);
            worker.thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.forEach(Worker::stop);
        for (Worker w : workers) {
            try {
                w.thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    /** True while every consumer thread is alive (readiness). */
    public boolean healthy() {
        return !config.enabled() || !workers.isEmpty() && workers.stream().allMatch(w -> w.thread.isAlive());
    }

    private final class Worker implements Runnable {
        final Thread thread;
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, String> consumer;

        Worker(int n) {
            thread = new Thread(this, "session-consumer-" + n);
            thread.setDaemon(true);
        }

        void stop() {
            running = false;
            KafkaConsumer<String, String> c = consumer;
            if (c != null) {
                c.wakeup();
            }
        }

        @Override
        public void run() {
            while (running) {
                Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
                try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig(thread.getName()))) {
                    consumer = c;
                    c.subscribe(TOPICS, new ConsumerRebalanceListener() {
                        @Override
                        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                            commit(c, uncommitted);
                        }

                        @Override
                        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        }

                        /**
                         * Lost (this member was frozen or cut off past its session timeout): another member owns them
                         * already, so their offsets are not ours to commit; what was applied is deduplicated there.
                         */
                        @Override
                        public void onPartitionsLost(Collection<TopicPartition> partitions) {
                            partitions.forEach(uncommitted::remove);
                        }
                    });
                    long lastCommit = System.nanoTime();
                    while (running) {
                        ConsumerRecords<String, String> polled = c.poll(Duration.ofMillis(200));
                        if (!polled.isEmpty()) {
                            handle(polled);
                            uncommitted.putAll(offsets(polled));
                        }
                        if (!uncommitted.isEmpty()
                                && System.nanoTime() - lastCommit >= config.commitInterval().toNanos()) {
                            commit(c, uncommitted);
                            lastCommit = System.nanoTime();
                        }
                    }
                    commit(c, uncommitted);
                } catch (WakeupException e) {
                    // stopping
                } catch (RuntimeException e) {
                    // A failure of the broker or the database: the uncommitted records come again to whoever owns
                    // their partitions next (this thread, after a pause), and are deduplicated there.
                    Log.errorf(e, "Session consumer %s stopped, restarting in 1 s", thread.getName());
                    pause(1_000);
                }
            }
        }
    }

    /** Commits what was applied; the database already holds its effects, so a lost commit only redelivers. */
    private static void commit(KafkaConsumer<String, String> c, Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> owned = new HashMap<>(offsets);
        owned.keySet().retainAll(c.assignment());
        if (!owned.isEmpty()) {
            c.commitSync(owned);
        }
        offsets.clear();
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
            deadLetters.send(SessionRecords.deadLetter(record, reason)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception sendFailure) {
            // Not committed: the record comes again and is dead-lettered then.
            throw new IllegalStateException("dead letter not written: " + sendFailure.getMessage(), sendFailure);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(ConsumerRecords<String, String> polled) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : polled.partitions()) {
            List<ConsumerRecord<String, String>> rs = polled.records(tp);
            offsets.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private Map<String, Object> consumerConfig(String clientId) {
        Map<String, Object> c = new HashMap<>(kafka);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "script-service-" + clientId);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        c.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return c;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> p = new HashMap<>(kafka);
        p.keySet().removeIf(k -> k.startsWith("session.") || k.startsWith("heartbeat.") || k.startsWith("group."));
        p.put("client.id", "script-service-dead-letters");
        p.put("acks", "all");
        p.put("enable.idempotence", true);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        return p;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
