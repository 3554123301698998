package dev.rapport.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker in KRaft mode, one node that is both broker and controller, in this JVM: what
 * {@code kafka-storage.sh format} and {@code kafka-server-start.sh} do, on a data folder kept between runs.
 */
final class LocalKafka implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String clusterId;

    private LocalKafka(KafkaRaftServer server, String clusterId) {
        this.server = server;
        this.clusterId = clusterId;
    }

    static LocalKafka start(InfraSettings s) throws IOException {
        Path logDir = s.dataDir().resolve("kafka").toAbsolutePath();
        Files.createDirectories(logDir);
        Properties props = brokerProperties(s, logDir);
        Path configFile = s.dataDir().resolve("kafka.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            props.store(out, "Written by dev.rapport.infra.RapportInfra at every start; edit the launcher, not this file");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(configFile);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        try {
            awaitReady(s.bootstrapServers());
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        return new LocalKafka(server, readClusterId(logDir));
    }

    String clusterId() {
        return clusterId;
    }

    static Properties brokerProperties(InfraSettings s, Path logDir) {
        String broker = s.host() + ":" + s.kafkaPort();
        String controller = s.host() + ":" + s.controllerPort();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        // A static voter set (not a dynamic quorum) so that the controller port may change between runs.
        p.setProperty("controller.quorum.voters", "1@" + controller);
        p.setProperty("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + broker);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", Integer.toString(s.partitions()));
        p.setProperty("default.replication.factor", "1");
        // One node: every internal topic has one replica; one offsets partition makes the first group join fast.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The default 128 MB compaction buffer does not fit the small heap the launcher runs with.
        p.setProperty("log.cleaner.dedupe.buffer.size", "16777216");
        return p;
    }

    /** {@code kafka-storage.sh format -t <new id> -c <config>}, done once: the folder is then reused as it is. */
    private static void format(Path configFile) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            code = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString()}, out);
        } catch (Exception e) {
            throw new IllegalStateException("kafka: formatting the storage failed: " + e.getMessage(), e);
        }
        if (code != 0) {
            throw new IllegalStateException("kafka: formatting the storage failed (" + code + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static void awaitReady(String bootstrap) {
        Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(p)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                sleep(200);
            }
        }
        throw new IllegalStateException("kafka: broker at " + bootstrap + " not ready after "
                + READY_TIMEOUT.toSeconds() + " s", last);
    }

    private static String readClusterId(Path logDir) throws IOException {
        Properties meta = new Properties();
        try (var in = Files.newInputStream(logDir.resolve("meta.properties"))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
