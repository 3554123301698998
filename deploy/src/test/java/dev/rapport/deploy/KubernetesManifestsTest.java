package dev.rapport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.Topics;
import dev.rapport.deploy.Kustomization.Resource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes, checked without a cluster: the kustomizations list every file and their patches hit existing
 * objects; every object is valid against Kubernetes' schema; and what an operator relies on holds (probes, resources,
 * rolling updates that drain, every secret the services need, the images, the topics of the contract).
 */
class KubernetesManifestsTest {
    private static final List<String> SERVICES = List.of("gateway", "datatable-service", "script-service", "action-service");
    private static final Pattern SECRET_ROW = Pattern.compile("^\\|([^|]+)\\|([^|]+)\\|([^|]+)\\|\\s*$");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://[^/]+/([a-z_]+)(\\?.*)?");

    private static Path root;
    private static Path base;
    private static Path example;
    private static List<Resource> baseObjects;
    private static List<Resource> exampleObjects;

    @BeforeAll
    static void build() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/kubernetes"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a folder above the working directory holds deploy/kubernetes").isNotNull();
        root = dir;
        base = root.resolve("deploy/kubernetes/base");
        example = root.resolve("deploy/kubernetes/overlays/example");
        baseObjects = Kustomization.build(base);
        exampleObjects = Kustomization.build(example);
    }

    @Test
    void eachKustomizationListsEveryFileOfItsFolder() throws IOException {
        for (Path dir : List.of(base, example)) {
            Set<String> files = new TreeSet<>();
            try (Stream<Path> list = Files.list(dir)) {
                list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                        .filter(n -> !n.equals("kustomization.yaml")).forEach(files::add);
            }
            List<String> listed = Kustomization.listedResources(dir);
            assertThat(listed).as(dir + "/kustomization.yaml lists every manifest of the folder").containsAll(files);
            assertThat(listed).as("each once").doesNotHaveDuplicates();
        }
        assertThat(Kustomization.listedResources(example)).as("the example builds on the base").contains("../../base");
    }

    @Test
    void everyObjectIsValidAgainstKubernetesSchemaAndUnique() {
        for (List<Resource> objects : List.of(baseObjects, exampleObjects)) {
            Set<String> ids = new HashSet<>();
            for (Resource r : objects) {
                assertThat(ids.add(r.kind() + "/" + r.name())).as("one " + r.kind() + " named " + r.name()).isTrue();
                if (r.apiVersion().startsWith("kafka.strimzi.io/")) {
                    continue; // checked by theExampleKafkaHasTheContractsTopics
                }
                KubernetesSchema.read(r);
            }
        }
    }

    @Test
    void theSchemaCheckRefusesWhatTheApiServerWould() throws IOException {
        Resource deployment = Kustomization.documents(base.resolve("gateway.yaml")).get(0);
        deployment.object().withObjectProperty("spec").put("replicaCount", 2);
        assertThat(failure(deployment)).contains("unknown field(s) [replicaCount]");

        Resource probe = Kustomization.documents(base.resolve("gateway.yaml")).get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) probe.object().at("/spec/template/spec/containers/0/readinessProbe"))
                .put("periodSeconds", "5");
        assertThat(failure(probe)).as("a string where the schema has an integer").isNotEmpty();

        Resource memory = Kustomization.documents(base.resolve("gateway.yaml")).get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) memory.object().at("/spec/template/spec/containers/0/resources/limits"))
                .put("memory", "lots");
        assertThat(failure(memory)).contains("not a quantity");
    }

    private static String failure(Resource resource) {
        try {
            KubernetesSchema.read(resource);
            return "";
        } catch (AssertionError e) {
            return e.getMessage();
        }
    }

    @Test
    void everyServiceIsADeploymentThatDrainsBeforeItStopsAndIsProbedOnAPortItDeclares() {
        ConfigMap config = one(exampleObjects, "ConfigMap", "rapport-config");
        assertThat(deployments(exampleObjects).keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        deployments(exampleObjects).forEach((name, deployment) -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getContainers()).as(name + " has one container").hasSize(1);
            Container c = pod.getContainers().get(0);
            Map<String, Integer> ports = new HashMap<>();
            for (ContainerPort p : c.getPorts()) {
                ports.put(p.getName(), p.getContainerPort());
            }
            assertThat(ports).as(name + " ports match QUARKUS_HTTP_PORT and QUARKUS_MANAGEMENT_PORT of rapport-config")
                    .containsEntry("http", Integer.parseInt(config.getData().get("QUARKUS_HTTP_PORT")))
                    .containsEntry("management", Integer.parseInt(config.getData().get("QUARKUS_MANAGEMENT_PORT")));
            assertThat(config.getData()).containsEntry("QUARKUS_MANAGEMENT_HOST", "0.0.0.0");
            assertProbe(name + " liveness", c.getLivenessProbe(), "/q/health/live", ports);
            assertProbe(name + " readiness", c.getReadinessProbe(), "/q/health/ready", ports);
            assertProbe(name + " startup", c.getStartupProbe(), "/q/health/started", ports);

            for (String resource : List.of("cpu", "memory")) {
                assertThat(c.getResources().getRequests()).as(name + " requests " + resource).containsKey(resource);
                assertThat(c.getResources().getLimits()).as(name + " limits " + resource).containsKey(resource);
            }
            var rolling = deployment.getSpec().getStrategy().getRollingUpdate();
            assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(rolling.getMaxUnavailable()).as(name + " never drops below its replicas").isEqualTo(new IntOrString(0));
            assertThat(rolling.getMaxSurge()).isNotEqualTo(new IntOrString(0));

            List<String> preStop = c.getLifecycle().getPreStop().getExec().getCommand();
            assertThat(preStop).as(name + " pauses before SIGTERM").hasSize(2).startsWith("sleep");
            long pause = Long.parseLong(preStop.get(1));
            long shutdown = Long.parseLong(config.getData().get("QUARKUS_SHUTDOWN_TIMEOUT").replace("s", ""));
            assertThat(pod.getTerminationGracePeriodSeconds()).as(name + " grace covers the pause and the shutdown")
                    .isGreaterThan(pause + shutdown);
            assertThat(c.getImage()).as(name + " image, as the example overlay names it")
                    .isEqualTo("registry.example.com/rapport/" + name + ":0.1.0");
            assertThat(c.getEnvFrom()).as(name + " reads rapport-config")
                    .anySatisfy(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo("rapport-config"));
        });
        deployments(baseObjects).forEach((name, d) -> assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0)
                .getImage()).as("base image of " + name).isEqualTo("rapport/" + name));
    }

    private static void assertProbe(String what, Probe probe, String path, Map<String, Integer> ports) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
        IntOrString port = probe.getHttpGet().getPort();
        int number = port.getStrVal() != null ? ports.getOrDefault(port.getStrVal(), -1) : port.getIntVal();
        assertThat(number).as(what + " on the declared management port").isEqualTo(ports.get("management"));
    }

    @Test
    void everyDeploymentHasAServiceAnAutoscalerAndADisruptionBudget() {
        deployments(exampleObjects).forEach((name, deployment) -> {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(labels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            Service service = one(exampleObjects, "Service", name);
            assertThat(labels).as("Service " + name + " selects the pods").containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getTargetPort()).isEqualTo(new IntOrString("http")));

            HorizontalPodAutoscaler hpa = one(exampleObjects, "HorizontalPodAutoscaler", name);
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(hpa.getSpec().getMinReplicas()).as(name + " survives one pod's loss").isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas()).as(name + ": more consumers than partitions would idle")
                    .isLessThanOrEqualTo(Integer.parseInt(one(exampleObjects, "ConfigMap", "rapport-config", ConfigMap.class)
                            .getData().get("RAPPORT_KAFKA_PARTITIONS")));

            PodDisruptionBudget pdb = one(exampleObjects, "PodDisruptionBudget", name);
            assertThat(labels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
            assertThat(pdb.getSpec().getMaxUnavailable()).as(name + " PDB lets a node drain").isEqualTo(new IntOrString(1));
        });
    }

    @Test
    void everySecretTheServicesReadIsDefinedByTheExample() {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (Resource r : exampleObjects) {
            if (r.kind().equals("Secret")) {
                Secret s = KubernetesSchema.read(r);
                Set<String> keys = new HashSet<>();
                if (s.getData() != null) {
                    keys.addAll(s.getData().keySet());
                }
                if (s.getStringData() != null) {
                    keys.addAll(s.getStringData().keySet());
                }
                secrets.put(r.name(), keys);
            }
        }
        deployments(exampleObjects).forEach((name, d) -> {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (EnvVar env : pod.getContainers().get(0).getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    var ref = env.getValueFrom().getSecretKeyRef();
                    assertThat(secrets).as(name + " " + env.getName() + ": Secret " + ref.getName()).containsKey(ref.getName());
                    assertThat(secrets.get(ref.getName())).as(name + " " + env.getName() + ": key of " + ref.getName())
                            .contains(ref.getKey());
                }
            }
            pod.getVolumes().stream().filter(v -> v.getSecret() != null).forEach(v ->
                    assertThat(secrets).as(name + " volume " + v.getName()).containsKey(v.getSecret().getSecretName()));
        });
    }

    @Test
    void everySecretOfSecurityMdReachesTheServicesThatNeedIt() throws IOException {
        Map<String, Deployment> deployments = deployments(exampleObjects);
        int rows = 0;
        for (String line : Files.readAllLines(root.resolve("docs/security.md"))) {
            Matcher m = SECRET_ROW.matcher(line);
            if (!m.matches() || !m.group(3).contains("`")) {
                continue;
            }
            List<String> services = new ArrayList<>();
            for (String s : m.group(2).split(",")) {
                services.add(s.trim());
            }
            if (!deployments.keySet().containsAll(services)) {
                continue;
            }
            Matcher wildcards = Pattern.compile("`([A-Z][A-Z0-9_]+_)\\*`").matcher(m.group(3));
            while (wildcards.find()) {
                String prefix = wildcards.group(1);
                for (String service : services) {
                    assertThat(deployments.get(service).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                            .as(service + " sets some " + prefix + "* from a Secret (docs/security.md)")
                            .anySatisfy(e -> {
                                assertThat(e.getName()).startsWith(prefix);
                                assertThat(e.getValueFrom().getSecretKeyRef()).isNotNull();
                            });
                }
            }
            Matcher variables = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(m.group(3));
            while (variables.find()) {
                rows++;
                String variable = variables.group(1);
                for (String service : services) {
                    Container c = deployments.get(service).getSpec().getTemplate().getSpec().getContainers().get(0);
                    EnvVar env = c.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst().orElse(null);
                    assertThat(env).as(service + " sets " + variable + " (docs/security.md)").isNotNull();
                    if (env.getValue() != null && env.getValue().startsWith("/")) {
                        assertThat(c.getVolumeMounts()).as(service + " " + variable + " is a file from a mounted Secret")
                                .anySatisfy(v -> assertThat(env.getValue()).startsWith(v.getMountPath() + "/"));
                    } else {
                        assertThat(env.getValueFrom()).as(service + " " + variable + " comes from a Secret").isNotNull();
                        assertThat(env.getValueFrom().getSecretKeyRef()).as(service + " " + variable).isNotNull();
                    }
                }
            }
        }
        assertThat(rows).as("docs/security.md's secrets table was read").isGreaterThanOrEqualTo(6);
    }

    @Test
    void eachServiceWithADatabaseHasItsOwnFromASecret() {
        Set<String> databases = new HashSet<>();
        deployments(exampleObjects).forEach((name, d) -> {
            if (name.equals("gateway")) {
                return;
            }
            Map<String, EnvVar> env = new HashMap<>();
            d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e));
            for (String variable : List.of("QUARKUS_DATASOURCE_JDBC_URL", "DB_USER", "DB_PASSWORD")) {
                assertThat(env).as(name + " " + variable).containsKey(variable);
                assertThat(env.get(variable).getValueFrom().getSecretKeyRef()).as(name + " " + variable + " from a Secret").isNotNull();
            }
            var ref = env.get("QUARKUS_DATASOURCE_JDBC_URL").getValueFrom().getSecretKeyRef();
            Secret secret = one(exampleObjects, "Secret", ref.getName());
            String url = secret.getStringData().get(ref.getKey());
            Matcher m = JDBC_URL.matcher(url);
            assertThat(m.matches()).as(name + " JDBC URL " + url).isTrue();
            assertThat(databases.add(m.group(1))).as(name + " has a database of its own").isTrue();
        });
        assertThat(databases).hasSize(3);
    }

    @Test
    void theIngressSendsEverythingToTheGatewayWithoutBufferingEventStreams() {
        Ingress ingress = one(exampleObjects, "Ingress", "gateway");
        assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHttp().getPaths()).allSatisfy(p -> {
            assertThat(p.getBackend().getService().getName()).isEqualTo("gateway");
            Service gateway = one(exampleObjects, "Service", "gateway");
            assertThat(gateway.getSpec().getPorts()).anySatisfy(port -> assertThat(port.getName()).isEqualTo(p.getBackend().getService().getPort().getName()));
        }));
        assertThat(ingress.getSpec().getRules().get(0).getHost()).as("the overlay's host").isEqualTo("rapport.example.com");
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off")
                .containsKey("nginx.ingress.kubernetes.io/proxy-read-timeout");
        assertThat(Integer.parseInt(ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-read-timeout")))
                .as("an event stream lives up to its token's hour").isGreaterThanOrEqualTo(3600);
    }

    @Test
    void theExampleKafkaHasTheContractsTopics() {
        ConfigMap config = one(exampleObjects, "ConfigMap", "rapport-config");
        int partitions = Integer.parseInt(config.getData().get("RAPPORT_KAFKA_PARTITIONS"));
        Resource kafka = exampleObjects.stream().filter(r -> r.kind().equals("Kafka")).findFirst().orElseThrow();
        assertThat(kafka.apiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
        JsonNode plain = null;
        for (JsonNode listener : kafka.object().at("/spec/kafka/listeners")) {
            if (!listener.path("tls").asBoolean(true)) {
                plain = listener;
            }
        }
        assertThat(plain).as("a listener the services can use").isNotNull();
        assertThat(config.getData().get("KAFKA_BOOTSTRAP_SERVERS")).as("the services reach the example Kafka")
                .isEqualTo(kafka.name() + "-kafka-bootstrap:" + plain.path("port").asInt());
        JsonNode brokerConfig = kafka.object().at("/spec/kafka/config");
        assertThat(brokerConfig.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(brokerConfig.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.getData()).containsEntry("RAPPORT_KAFKA_REPLICATION_FACTOR", "3");

        Map<String, JsonNode> topics = new HashMap<>();
        for (Resource r : exampleObjects) {
            if (r.kind().equals("KafkaTopic")) {
                assertThat(r.apiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
                assertThat(r.object().at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(kafka.name());
                topics.put(r.name(), r.object().path("spec"));
            }
        }
        Set<String> expected = new HashSet<>();
        for (String topic : Topics.ALL) {
            expected.add(topic);
            expected.add(Topics.deadLetterOf(topic));
        }
        assertThat(topics.keySet()).as("the contract's topics and their dead-letter topics").isEqualTo(expected);
        topics.forEach((name, spec) -> {
            assertThat(spec.path("partitions").asInt()).as(name + " partitions").isEqualTo(partitions);
            assertThat(spec.path("replicas").asInt()).as(name + " replicas").isEqualTo(3);
            assertThat(spec.at("/config/min.insync.replicas").asInt()).as(name + " min.insync.replicas").isEqualTo(2);
            assertThat(spec.at("/config/cleanup.policy").asText("delete")).as(name + " cleanup.policy")
                    .isEqualTo(Topics.COMPACTED.contains(name) ? "compact" : "delete");
        });
    }

    private static Map<String, Deployment> deployments(List<Resource> objects) {
        Map<String, Deployment> out = new HashMap<>();
        objects.stream().filter(r -> r.kind().equals("Deployment")).forEach(r -> out.put(r.name(), KubernetesSchema.read(r)));
        return out;
    }

    private static <T> T one(List<Resource> objects, String kind, String name) {
        List<Resource> found = objects.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).toList();
        assertThat(found).as("one " + kind + " " + name).hasSize(1);
        return KubernetesSchema.read(found.get(0));
    }

    private static <T> T one(List<Resource> objects, String kind, String name, Class<T> type) {
        return one(objects, kind, name);
    }
}
