package dev.rapport.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml holds what the deployment promises, checked without a Docker engine: every container reports
 * health and is only started once what it needs is healthy; the services are built from their own Dockerfiles and
 * configured by environment; only the gateway is published, so the others can be scaled.
 */
class ComposeFileTest {
    private static final List<String> APP_SERVICES = List.of("datatable-service", "script-service", "action-service", "gateway");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::\\d+)?/([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?([A-Za-z_][A-Za-z0-9_]*)");

    private static Path root;
    private static JsonNode services;

    @BeforeAll
    static void parse() throws IOException {
        root = projectRoot();
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
        assertThat(services.isObject()).as("docker-compose.yml has services").isTrue();
    }

    @Test
    void theInfrastructureAndTheFourServicesAreThere() {
        assertThat(names()).containsExactlyInAnyOrder("kafka", "postgres", "datatable-service", "script-service",
                "action-service", "gateway");
        assertThat(services.path("kafka").path("image").asText())
                .as("the broker image matches the Kafka version of the code").isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(services.path("postgres").path("image").asText()).startsWith("postgres:");
    }

    @Test
    void everyServiceHasAHealthcheck() {
        for (String name : names()) {
            JsonNode test = services.path(name).path("healthcheck").path("test");
            assertThat(test.isMissingNode() || test.isNull() || test.asText().equals("NONE")).as(name + " healthcheck").isFalse();
            assertThat(test.isArray() ? test.size() : test.asText().length()).as(name + " healthcheck test").isPositive();
        }
        for (String name : APP_SERVICES) {
            assertThat(services.path(name).path("healthcheck").path("test").toString())
                    .as(name + " is healthy when ready").contains("/q/health/ready");
        }
    }

    @Test
    void everyDependencyWaitsForHealth() {
        for (String name : names()) {
            JsonNode dependsOn = services.path(name).path("depends_on");
            if (dependsOn.isMissingNode()) {
                continue;
            }
            assertThat(dependsOn.isObject()).as(name + ": depends_on in long form, with a condition").isTrue();
            dependsOn.fields().forEachRemaining(dep -> {
                assertThat(names()).as(name + " depends on a known service").contains(dep.getKey());
                assertThat(dep.getValue().path("condition").asText())
                        .as(name + " -> " + dep.getKey()).isEqualTo("service_healthy");
            });
        }
        for (String name : APP_SERVICES) {
            assertThat(services.path(name).path("depends_on").has("kafka")).as(name + " waits for kafka").isTrue();
            if (!name.equals("gateway")) {
                assertThat(services.path(name).path("depends_on").has("postgres")).as(name + " waits for postgres").isTrue();
            }
        }
    }

    @Test
    void theServicesAreBuiltFromTheirOwnDockerfile() throws IOException {
        for (String name : APP_SERVICES) {
            JsonNode build = services.path(name).path("build");
            String context = build.isTextual() ? build.asText() : build.path("context").asText();
            String dockerfile = build.path("dockerfile").asText("Dockerfile");
            assertThat(context).as(name + " build context").isEqualTo(name);
            Path file = root.resolve(context).resolve(dockerfile);
            assertThat(file).as(name + " Dockerfile").isRegularFile();
            assertThat(Files.readString(file)).as(name + " copies its fast-jar").contains("target/quarkus-app");
        }
    }

    @Test
    void onlyTheGatewayPublishesAPortAndNoNameIsFixed() {
        for (String name : names()) {
            assertThat(services.path(name).has("container_name")).as(name + " has no container_name").isFalse();
            if (!name.equals("gateway")) {
                assertThat(services.path(name).has("ports")).as(name + " publishes no port (it can be scaled)").isFalse();
            }
        }
        assertThat(services.path("gateway").path("ports").toString()).contains("8080:8080");
    }

    @Test
    void theServicesAreConfiguredByEnvironmentAgainstTheComposeInfrastructure() throws IOException {
        Set<String> created = databasesCreatedByInitScripts();
        assertThat(created).contains("datatable", "script", "action");
        Set<String> used = new HashSet<>();
        for (String name : APP_SERVICES) {
            Map<String, String> env = environment(name);
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as(name + " KAFKA_BOOTSTRAP_SERVERS").isEqualTo("kafka:9092");
            assertThat(env).as(name + " listens where its healthcheck looks").containsEntry("QUARKUS_HTTP_PORT", "8080");
            if (name.equals("gateway")) {
                assertThat(env).as("the gateway has no database").doesNotContainKey("QUARKUS_DATASOURCE_JDBC_URL");
                continue;
            }
            String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
            assertThat(url).as(name + " QUARKUS_DATASOURCE_JDBC_URL").isNotNull();
            Matcher m = JDBC_URL.matcher(url);
            assertThat(m.matches()).as(name + " JDBC URL " + url).isTrue();
            assertThat(m.group(1)).as(name + " database host").isEqualTo("postgres");
            assertThat(created).as(name + " database is created by docker/postgres-init").contains(m.group(2));
            assertThat(used.add(m.group(2))).as(name + " has a database of its own").isTrue();
            assertThat(env).as(name + " database login").containsKeys("DB_USER", "DB_PASSWORD");
        }
        assertThat(services.path("postgres").path("volumes").toString())
                .as("the init scripts are mounted").contains("./docker/postgres-init:/docker-entrypoint-initdb.d");
    }

    private static Set<String> databasesCreatedByInitScripts() throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(root.resolve("docker/postgres-init"))) {
            for (Path sql : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_DATABASE.matcher(Files.readString(sql));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** A service's environment, written either as a map or as a list of NAME=value. */
    private static Map<String, String> environment(String service) {
        JsonNode node = services.path(service).path("environment");
        Map<String, String> env = new HashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else if (node.isArray()) {
            node.forEach(item -> {
                String[] kv = item.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        }
        return env;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a folder above " + Path.of("").toAbsolutePath() + " holds docker-compose.yml").isNotNull();
        return dir;
    }
}
