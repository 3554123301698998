package dev.rapport.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.contract.Topics;
import dev.rapport.testkit.TestKafka;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {
    TestKafka kafka;
    KafkaClientSettings settings;

    @BeforeEach
    void start() {
        kafka = TestKafka.start();
        settings = KafkaClientSettings.bootstrap(kafka.bootstrapServers());
    }

    @AfterEach
    void stop() {
        kafka.close();
    }

    @Test
    void createsTheMissingTopicsWithTheConfiguredReplicationAndMinInsyncReplicas() throws Exception {
        TopicLayout.Outcome outcome = new TopicLayout(settings, 4, (short) 1, Optional.of(1)).ensure(true);

        assertThat(outcome.created()).contains(Topics.SESSIONS, Topics.deadLetterOf(Topics.SESSIONS));
        try (Admin admin = admin()) {
            assertThat(admin.describeTopics(List.of(Topics.SESSIONS)).allTopicNames().get()
                    .get(Topics.SESSIONS).partitions()).hasSize(4);
            ConfigResource sessions = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SESSIONS);
            Config config = admin.describeConfigs(List.of(sessions)).all().get().get(sessions);
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1");
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).isDefault()).isFalse();
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
        // a second instance finds everything in place
        assertThat(new TopicLayout(settings, 4, (short) 1, Optional.of(1)).ensure(true).created()).isEmpty();
    }

    @Test
    void anExistingTopicWithAnotherPartitionCountStopsTheStartNamingTopicExpectedAndActual() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(Topics.INTERACTIONS, 6, (short) 1))).all().get();
        }

        assertThatThrownBy(() -> new TopicLayout(settings, 12, (short) 1, Optional.empty()).ensure(true))
                .isInstanceOfSatisfying(TopicMismatchException.class, e -> assertThat(e.mismatches())
                        .containsExactly(new TopicMismatchException.Mismatch(Topics.INTERACTIONS, 12, 6)))
                .hasMessageContaining("topic 'interactions' has 6 partitions, the configuration expects 12")
                .hasMessageContaining("RAPPORT_KAFKA_PARTITIONS");
        try (Admin admin = admin()) {
            // nothing was created on a layout the service refuses
            assertThat(admin.listTopics().names().get()).doesNotContain(Topics.SESSIONS);
        }
        // the configuration that matches the topic starts
        assertThat(new TopicLayout(settings, 6, (short) 1, Optional.empty()).ensure(true).created())
                .contains(Topics.SESSIONS);
    }

    @Test
    void withCreateTopicsOffItCreatesNothingAndSaysWhatIsMissing() throws Exception {
        TopicLayout.Outcome outcome = new TopicLayout(settings, 12, (short) 1, Optional.empty()).ensure(false);

        assertThat(outcome.created()).isEmpty();
        assertThat(outcome.missing()).contains(Topics.INTERACTIONS, Topics.deadLetterOf(Topics.INTERACTIONS));
        try (Admin admin = admin()) {
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).doesNotContain(Topics.INTERACTIONS);
        }
    }

    private Admin admin() {
        return Admin.create(settings.admin(Map.of()));
    }
}
