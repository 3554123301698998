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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml holds what the deployment promises, checked without a Docker engine: every container reports
 * health and is only started once what it needs is healthy (or, for a one-shot job, has finished); the services are
 * built from their own Dockerfiles and configured by environment; only the load balancer is published, so every
 * service, the gateway included, can be scaled.
 */
class ComposeFileTest {
    private static final List<String> APP_SERVICES = List.of("datatable-service", "script-service", "action-service", "gateway");
    /** Containers that run once and exit: they have no healthcheck, and what needs them waits for their success. */
    private static final Set<String> ONE_SHOT = Set.of("gateway-key");
    private static final String LOAD_BALANCER = "load-balancer";
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
                "action-service", "gateway", "gateway-key", LOAD_BALANCER);
        assertThat(services.path("kafka").path("image").asText())
                .as("the broker image matches the Kafka version of the code").isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(services.path("postgres").path("image").asText()).startsWith("postgres:");
    }

    @Test
    void everyServiceHasAHealthcheck() {
        for (String name : names()) {
            if (ONE_SHOT.contains(name)) {
                assertThat(services.path(name).path("restart").asText("no")).as(name + " runs once").isEqualTo("no");
                continue;
            }
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
                assertThat(dep.getValue().path("condition").asText()).as(name + " -> " + dep.getKey())
                        .isEqualTo(ONE_SHOT.contains(dep.getKey()) ? "service_completed_successfully" : "service_healthy");
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
    void onlyTheLoadBalancerPublishesAPortAndNoNameIsFixed() {
        for (String name : names()) {
            assertThat(services.path(name).has("container_name")).as(name + " has no container_name (it can be scaled)").isFalse();
            if (!name.equals(LOAD_BALANCER)) {
                assertThat(services.path(name).has("ports")).as(name + " publishes no port (it can be scaled)").isFalse();
            }
        }
        JsonNode ports = services.path(LOAD_BALANCER).path("ports");
        assertThat(ports.size()).as("the load balancer publishes one port").isEqualTo(1);
        assertThat(ports.get(0).asText()).isEqualTo("8080:8080");
    }

    @Test
    void theLoadBalancerIsHaproxyAndStartsOnceTheGatewaysAreReady() throws IOException {
        JsonNode lb = services.path(LOAD_BALANCER);
        assertThat(lb.path("image").asText()).as("a public HAProxy image").matches("haproxy:\\d+\\.\\d+");
        assertThat(lb.path("depends_on").path("gateway").path("condition").asText()).isEqualTo("service_healthy");

        Path config = mountedFile(LOAD_BALANCER, "/usr/local/etc/haproxy/haproxy.cfg");
        assertThat(config).as("the HAProxy configuration is in the repository").isRegularFile();
        String cfg = Files.readString(config);
        Map<String, String> gateway = environment("gateway");
        assertThat(cfg).as("finds every gateway replica by the service's name through Docker's DNS")
                .containsPattern("(?m)^\\s*server-template\\s+\\S+\\s+\\d+\\s+gateway:" + gateway.get("QUARKUS_HTTP_PORT") + "\\b")
                .containsPattern("(?m)^\\s*nameserver\\s+\\S+\\s+127\\.0\\.0\\.11:53\\b")
                .containsPattern("(?m)^\\s*bind\\s+:8080\\b");
        assertThat(cfg).as("checks the gateways' readiness on their management port")
                .containsPattern("(?m)^\\s*http-check send .*uri /q/health/ready\\b")
                .containsPattern("(?m)^\\s*default-server .*\\bcheck port " + gateway.get("QUARKUS_MANAGEMENT_PORT") + "\\b");
        assertThat(gateway).as("the gateway's management port is reachable by the load balancer (not published)")
                .containsEntry("QUARKUS_MANAGEMENT_HOST", "0.0.0.0");
        assertThat(cfg).as("keeps event streams open").containsPattern("(?m)^\\s*timeout tunnel\\s+\\d+[smh]")
                .doesNotContainPattern("(?m)^\\s*(compression|option http-buffer-request)");
        assertThat(gateway).as("the gateway takes the client's address from the load balancer")
                .containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
        assertThat(cfg).as("the load balancer replaces, never passes on, the client's X-Forwarded-For")
                .containsPattern("(?m)^\\s*http-request del-header X-Forwarded-For\\b")
                .containsPattern("(?m)^\\s*option forwardfor\\b");
    }

    @Test
    void everyGatewayReplicaSignsWithTheOneKeyMadeBeforeThem() {
        String keyFile = environment("gateway").get("RAPPORT_IDENTITY_SIGNING_KEY");
        String gatewayVolume = volumeAt("gateway", keyFile);
        assertThat(gatewayVolume).as("the gateway's signing key lives in a named volume").isNotNull();
        String keyVolume = volumeAt("gateway-key", "/keys/jwt-signing.pem");
        assertThat(keyVolume).as("gateway-key writes the gateways' key volume").isEqualTo(gatewayVolume);
        assertThat(services.path("gateway").path("depends_on").path("gateway-key").path("condition").asText())
                .isEqualTo("service_completed_successfully");
        String script = services.path("gateway-key").path("entrypoint").toString();
        assertThat(script).as("makes the key the gateway reads, and gives it to the gateway's user")
                .contains("/keys/" + Path.of(keyFile).getFileName()).contains("genpkey").contains("chown -R 185");
    }

    /** The named volume mounted at the folder that holds the given file, or null. */
    private static String volumeAt(String service, String file) {
        for (JsonNode v : services.path(service).path("volumes")) {
            String[] parts = v.asText().split(":");
            if (parts.length >= 2 && !parts[0].startsWith(".") && !parts[0].startsWith("/")
                    && file.startsWith(parts[1] + "/")) {
                return parts[0];
            }
        }
        return null;
    }

    /** The file of the repository that a service mounts at the given container path (a bind mount, ./...). */
    private static Path mountedFile(String service, String containerPath) {
        for (JsonNode v : services.path(service).path("volumes")) {
            String[] parts = v.asText().split(":");
            if (parts.length >= 2 && parts[1].equals(containerPath)) {
                assertThat(parts[0]).as(service + " mounts a file of the repository").startsWith("./");
                return root.resolve(parts[0]).normalize();
            }
        }
        throw new AssertionError(service + " mounts nothing at " + containerPath);
    }

    @Test
    void composeItselfAcceptsTheFileWhereItIsInstalled() throws Exception {
        List<String> command = composeCommand();
        Assumptions.assumeTrue(command != null,
                "neither `docker compose` nor `docker-compose` is installed: Compose's own check is skipped");
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-f", root.resolve("docker-compose.yml").toString(), "config", "-q"));
        ProcessResult result = run(full);
        assertThat(result.exitCode()).as(String.join(" ", full) + " said:\n" + result.output()).isZero();
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

    /** `docker compose` (v2 plugin) when it answers, else `docker-compose` (v1), else null. */
    private static List<String> composeCommand() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                List<String> version = new ArrayList<>(candidate);
                version.add("version");
                if (run(version).exitCode() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not installed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    record ProcessResult(int exitCode, String output) {
    }

    static ProcessResult run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s");
        }
        return new ProcessResult(process.exitValue(), output);
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
