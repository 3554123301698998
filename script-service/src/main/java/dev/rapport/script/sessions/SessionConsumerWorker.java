package dev.rapport.script.sessions;

import dev.rapport.platform.kafka.RecordTracing;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One session consumer thread: polls its share of the partitions, hands each poll to the batch handler, commits the
 * offsets of what was handled. A stop lets the batch in hand finish, commits it and leaves the group, so the
 * partitions move to the other instances at once and nothing handled comes again. No {@code wakeup()}: it would
 * break the commit that follows the batch; a poll returns within {@link #POLL} anyway. With tracing on, each record of
 * a poll gets a consumer span in the trace its {@code traceparent} header names, open while the batch is applied
 * ({@link RecordTracing#consumed}); tracing off, the records are not even looked at for it.
 */
final class SessionConsumerWorker implements Runnable {
    static final Duration POLL = Duration.ofMillis(200);
    /** Bound of a commit; past it the records come again to the next owner and are recognised as handled. */
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> settings;
    private final List<String> topics;
    private final Duration commitInterval;
    private final Consumer<ConsumerRecords<String, String>> batches;
    private final RecordTracing tracing;
    private final String group;
    final Thread thread;
    private volatile boolean running = true;
    private volatile long lag;

    SessionConsumerWorker(String name, Map<String, Object> settings, List<String> topics, Duration commitInterval,
                          Consumer<ConsumerRecords<String, String>> batches) {
        this(name, settings, topics, commitInterval, batches, RecordTracing.off());
    }

    SessionConsumerWorker(String name, Map<String, Object> settings, List<String> topics, Duration commitInterval,
                          Consumer<ConsumerRecords<String, String>> batches, RecordTracing tracing) {
        this.settings = settings;
        this.topics = topics;
        this.commitInterval = commitInterval;
        this.batches = batches;
        this.tracing = tracing;
        this.group = String.valueOf(settings.get(ConsumerConfig.GROUP_ID_CONFIG));
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Asks the thread to end after the batch in hand; {@link #join} waits for it. */
    void stop() {
        running = false;
    }

    void join(Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return thread.isAlive();
    }

    /** Records of its partitions not yet polled, as of its last poll (readiness). */
    long lag() {
        return lag;
    }

    @Override
    public void run() {
        while (running) {
            Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(settings)) {
                c.subscribe(topics, new ConsumerRebalanceListener() {
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
                    ConsumerRecords<String, String> polled = c.poll(POLL);
                    lag = lagOf(c);
                    if (!polled.isEmpty()) {
                        apply(polled);
                        uncommitted.putAll(offsets(polled));
                    }
                    if (!uncommitted.isEmpty() && System.nanoTime() - lastCommit >= commitInterval.toNanos()) {
                        commit(c, uncommitted);
                        lastCommit = System.nanoTime();
                    }
                }
                commit(c, uncommitted);
                // closing leaves the group: the partitions are reassigned now, not after the session timeout
            } catch (RuntimeException e) {
                // A failure of the broker or the database: the uncommitted records come again to whoever owns
                // their partitions next (this thread, after a pause), and are deduplicated there.
                if (running) {
                    Log.errorf(e, "Session consumer %s stopped, restarting in 1 s", thread.getName());
                    pause(1_000);
                } else {
                    Log.warnf("Session consumer %s stopped with its last batch uncommitted (it comes again): %s",
                            thread.getName(), e.toString());
                }
            }
        }
    }

    private void apply(ConsumerRecords<String, String> polled) {
        try (RecordTracing.Batch traced = tracing.consumed(polled, group)) {
            try {
                batches.accept(polled);
            } catch (RuntimeException e) {
                traced.failed(e);
                throw e;
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
            c.commitSync(owned, COMMIT_TIMEOUT);
        }
        offsets.clear();
    }

    private static long lagOf(KafkaConsumer<String, String> c) {
        long total = 0;
        for (TopicPartition tp : c.assignment()) {
            total += c.currentLag(tp).orElse(0);
        }
        return total;
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(ConsumerRecords<String, String> polled) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : polled.partitions()) {
            List<ConsumerRecord<String, String>> rs = polled.records(tp);
            offsets.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
