package dev.rapport.platform.kafka;

import dev.rapport.contract.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Rapport's topics as a service expects them: checks that the existing ones have the configured partition count (a
 * key's partition, so the instance that handles an interaction, depends on it), and creates the missing ones and their
 * dead-letter topics, so a consumer never meets a topic the broker auto-created with other settings. Safe to run from
 * every instance at once.
 */
public final class TopicLayout {
    private final KafkaClientSettings clients;
    private final int partitions;
    private final short replicationFactor;
    private final Optional<Integer> minInsyncReplicas;

    public TopicLayout(KafkaClientSettings clients, int partitions, short replicationFactor,
                       Optional<Integer> minInsyncReplicas) {
        this.clients = clients;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.minInsyncReplicas = minInsyncReplicas;
    }

    public TopicLayout(KafkaClientSettings clients, KafkaTopicsConfig config) {
        this(clients, config.partitions(), config.replicationFactor(), config.minInsyncReplicas());
    }

    /** What {@link #ensure} found: the topics it created, and those missing that it was told not to create. */
    public record Outcome(List<String> created, List<String> missing) {
    }

    /** @throws TopicMismatchException when an existing topic has another partition count than configured */
    public Outcome ensure(boolean createMissing) {
        try (Admin admin = Admin.create(clients.admin(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            checkPartitions(admin, existing);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    missing.add(newTopic(topic, Topics.COMPACTED.contains(topic)));
                }
                String deadLetter = Topics.deadLetterOf(topic);
                if (!existing.contains(deadLetter)) {
                    missing.add(newTopic(deadLetter, false));
                }
            }
            if (missing.isEmpty()) {
                return new Outcome(List.of(), List.of());
            }
            if (!createMissing) {
                return new Outcome(List.of(), missing.stream().map(NewTopic::name).toList());
            }
            return new Outcome(create(admin, missing), List.of());
        } catch (ExecutionException e) {
            throw brokerProblem(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot list topics at " + clients.bootstrapServers()
                    + " within 30 s; is the broker up?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        }
    }

    /** Only the topics keyed by interaction or row: a dead-letter topic's partition count decides nothing. */
    private void checkPartitions(Admin admin, Set<String> existing)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<String> ours = Topics.ALL.stream().filter(existing::contains).toList();
        if (ours.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(ours).allTopicNames().get(30, TimeUnit.SECONDS);
        List<TopicMismatchException.Mismatch> mismatches = ours.stream()
                .map(t -> new TopicMismatchException.Mismatch(t, partitions, described.get(t).partitions().size()))
                .filter(m -> m.expected() != m.actual())
                .toList();
        if (!mismatches.isEmpty()) {
            throw new TopicMismatchException(mismatches);
        }
    }

    private List<String> create(Admin admin, List<NewTopic> missing) {
        List<String> created = new ArrayList<>();
        admin.createTopics(missing).values().forEach((name, future) -> {
            try {
                future.get(30, TimeUnit.SECONDS);
                created.add(name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + name, e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("timed out creating topic " + name
                        + "; is the broker at " + clients.bootstrapServers() + " up?", e);
            }
        });
        return created;
    }

    private NewTopic newTopic(String topic, boolean compacted) {
        NewTopic newTopic = new NewTopic(topic, partitions, replicationFactor);
        Map<String, String> configs = new HashMap<>();
        if (compacted) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        minInsyncReplicas.ifPresent(n -> configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(n)));
        return newTopic.configs(configs);
    }

    private IllegalStateException brokerProblem(Throwable cause) {
        if (cause instanceof AuthenticationException) {
            return new IllegalStateException("Kafka at " + clients.bootstrapServers() + " refused this service's "
                    + "credentials (kafka.security.protocol, kafka.sasl.mechanism, kafka.sasl.jaas.config; "
                    + "KAFKA_SASL_JAAS_CONFIG): " + cause.getMessage(), cause);
        }
        return new IllegalStateException("cannot check topics at " + clients.bootstrapServers() + ": "
                + cause.getMessage(), cause);
    }
}
