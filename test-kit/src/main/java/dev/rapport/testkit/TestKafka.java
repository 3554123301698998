package dev.rapport.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker for tests: KRaft, one combined broker and controller, in this JVM; or the broker named
 * by {@code RAPPORT_TEST_KAFKA_BOOTSTRAP}. Topics are created by the services themselves, as in production.
 * {@link #startSaslPlain()} gives one whose clients must authenticate (SASL_PLAINTEXT, mechanism PLAIN).
 */
public final class TestKafka implements AutoCloseable {
    /** The user a SASL broker knows (a super user: no ACLs needed), and its password. */
    public static final String SASL_USER = JaasUtils.KAFKA_PLAIN_ADMIN;
    public static final String SASL_PASSWORD = JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    private final boolean sasl;

    private TestKafka(KafkaClusterTestKit cluster, String bootstrapServers, boolean sasl) {
        this.cluster = cluster;
        this.bootstrapServers = bootstrapServers;
        this.sasl = sasl;
    }

    public static TestKafka start() {
        String external = TestPostgres.setting("RAPPORT_TEST_KAFKA_BOOTSTRAP");
        if (external != null) {
            return new TestKafka(null, external, false);
        }
        return startInProcess(SecurityProtocol.PLAINTEXT);
    }

    /**
     * An in-process broker whose client listener asks for SASL PLAIN: {@link #SASL_USER} with {@link #SASL_PASSWORD}
     * gets in, anyone else is refused. Always in process (an external broker's users are unknown here).
     */
    public static TestKafka startSaslPlain() {
        return startInProcess(SecurityProtocol.SASL_PLAINTEXT);
    }

    private static TestKafka startInProcess(SecurityProtocol protocol) {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBrokerSecurityProtocol(protocol)
                    // the broker registers with the controller as the super user, so both listeners use SASL
                    .setControllerSecurityProtocol(protocol)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "12")
                    .setConfigProp("log.cleaner.dedupe.buffer.size", "16777216")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new TestKafka(cluster, cluster.bootstrapServers(), protocol == SecurityProtocol.SASL_PLAINTEXT);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-process Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The client settings (without the {@code kafka.} prefix) that reach this broker as {@link #SASL_USER}. */
    public Map<String, String> clientSettings() {
        return clientSettings(SASL_USER, SASL_PASSWORD);
    }

    /** The client settings that present these credentials (ignored by a broker without SASL). */
    public Map<String, String> clientSettings(String user, String password) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        if (sasl) {
            settings.put("security.protocol", SecurityProtocol.SASL_PLAINTEXT.name);
            settings.put("sasl.mechanism", "PLAIN");
            settings.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                    + "username=\"" + user + "\" password=\"" + password + "\";");
        }
        return settings;
    }

    @Override
    public void close() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the in-process Kafka broker", e);
            }
        }
    }
}
