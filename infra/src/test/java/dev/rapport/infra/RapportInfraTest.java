package dev.rapport.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's servers are real and keep their data: a row and a topic written in one run are there in the next. */
class RapportInfraTest {
    private static final String TOPIC = "infra-survival";

    @TempDir
    Path dir;

    @Test
    void rowAndTopicSurviveARestartOnTheSameDataFolder() throws Exception {
        int[] ports = freePorts(3);
        InfraSettings settings = InfraSettings.defaults(dir.resolve("data"), Map.of())
                .withPostgresBinariesDir(Path.of("target", "pg-binaries"))
                .withPorts(ports[0], ports[1], ports[2]);
        String marker = UUID.randomUUID().toString();
        String clusterId;

        try (RapportInfra infra = RapportInfra.start(settings)) {
            assertThat(infra.readyLine()).isEqualTo("RAPPORT-INFRA READY postgres=jdbc:postgresql://127.0.0.1:"
                    + ports[0] + "/ kafka=127.0.0.1:" + ports[1]);
            // the services' default role can log in and create its own database, as each service does at start
            try (Connection c = connect(settings, "postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE infra_test");
            }
            try (Connection c = connect(settings, "infra_test"); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE survivor (id text PRIMARY KEY)");
                st.execute("INSERT INTO survivor VALUES ('" + marker + "')");
            }
            try (Admin admin = Admin.create(clientProps(settings))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<String, String>(producerProps(settings))) {
                producer.send(new ProducerRecord<>(TOPIC, "k", marker)).get();
            }
            clusterId = clusterId(settings);
        }

        assertThat(Files.exists(settings.logsDir().resolve("postgres.log"))).isTrue();

        try (RapportInfra infra = RapportInfra.start(settings)) {
            assertThat(clusterId(settings)).as("the broker's storage is reused, not formatted again").isEqualTo(clusterId);
            try (Connection c = connect(settings, "infra_test"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id FROM survivor")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(marker);
            }
            try (Admin admin = Admin.create(clientProps(settings))) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
                TopicDescription topic = admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC);
                assertThat(topic.partitions()).hasSize(3);
            }
            assertThat(readAll(settings)).contains(marker);
        }
    }

    @Test
    void anotherLauncherOnTheSamePortsIsRefusedWithAClearMessage() throws Exception {
        int[] ports = freePorts(3);
        InfraSettings settings = InfraSettings.defaults(dir.resolve("data"), Map.of())
                .withPostgresBinariesDir(Path.of("target", "pg-binaries"))
                .withPorts(ports[0], ports[1], ports[2]);
        try (ServerSocket busy = new ServerSocket(ports[1], 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> RapportInfra.start(settings))
                    .hasMessageContaining("port 127.0.0.1:" + ports[1] + " is in use");
        }
    }

    private static Connection connect(InfraSettings s, String database) throws Exception {
        return DriverManager.getConnection(s.jdbcBase() + database, "rapport", "rapport");
    }

    private static String clusterId(InfraSettings s) throws IOException {
        Properties meta = new Properties();
        try (var in = Files.newInputStream(s.dataDir().resolve("kafka").resolve("meta.properties"))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }

    private static List<String> readAll(InfraSettings s) {
        Properties p = clientProps(s);
        p.setProperty(ConsumerConfig.GROUP_ID_CONFIG, "infra-test-" + UUID.randomUUID());
        p.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(p)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    private static Properties producerProps(InfraSettings s) {
        Properties p = clientProps(s);
        p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private static Properties clientProps(InfraSettings s) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", s.bootstrapServers());
        return p;
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }
}
