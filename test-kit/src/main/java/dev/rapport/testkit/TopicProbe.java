package dev.rapport.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes topics from a test, as an outside client would. */
public final class TopicProbe {
    private final String bootstrapServers;

    public TopicProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Waits until consumer group {@code groupId} is stable, owns every partition of {@code topic}, and stayed so for
     * {@code quiet}: consumers that join one after another each trigger a rebalance, and records in flight when
     * their partition moves are delivered again to the new owner.
     */
    public void awaitGroupSettled(String groupId, String topic, Duration quiet, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        long since = System.nanoTime();
        try (Admin admin = Admin.create(props)) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription group;
                try {
                    group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
                        throw e;
                    }
                    Thread.sleep(200); // the group's first member has not joined yet
                    continue;
                }
                long owned = group.members().stream()
                        .flatMap(m -> m.assignment().topicPartitions().stream())
                        .filter(tp -> tp.topic().equals(topic)).count();
                String now = group.groupState() + "/" + group.members().size() + "/" + owned;
                if (!now.equals(last)) {
                    last = now;
                    since = System.nanoTime();
                }
                boolean settled = group.groupState() == GroupState.STABLE && owned == partitions;
                if (settled && System.nanoTime() - since >= quiet.toNanos()) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for group " + groupId, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe consumer group " + groupId, e);
        }
        throw new IllegalStateException("consumer group " + groupId + " did not settle on " + topic + " within "
                + timeout + " (last seen state/members/partitions: " + last + ")");
    }

    public void send(ProducerRecord<String, String> record) {
        sendAll(List.of(record));
    }

    /** Sends the records in order through one producer and waits until the broker acknowledged all. */
    public void sendAll(List<ProducerRecord<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) {
                sends.add(producer.send(record));
            }
            for (var send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send test records", e);
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code expected} records matching {@code filter} were seen or
     * {@code timeout} passed, then keeps reading for {@code settle} to catch any extra (duplicate) record.
     */
    public List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> filter,
                                                     int expected, Duration timeout, Duration settle) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(r)) {
                        seen.add(r);
                    }
                }
                if (seen.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return seen;
    }
}
