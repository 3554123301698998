package dev.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.contract.Roles;
import dev.rapport.testkit.TestEventStream;
import dev.rapport.testkit.TestTokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first event the whole way: an IVR posts to the gateway, Kafka carries it to script-service, which records the
 * interaction and publishes its session; the gateway pushes that to the agent's open stream. Real processes, a real
 * broker, a real database.
 */
class FirstEventEndToEndIT {
    private static Infra infra;
    private static ServiceProcess scriptService;
    private static ServiceProcess gateway;

    @BeforeAll
    static void start() {
        infra = new Infra();
        scriptService = new ServiceProcess("script-service",
                infra.env(infra.postgres.newDatabase("e2e_script")), List.of());
        // The gateway signs tokens with a key of its own (made at this path on its first start).
        java.util.Map<String, String> env = new java.util.HashMap<>(infra.env(null));
        java.nio.file.Path key = java.nio.file.Path.of(System.getProperty("rapport.root", ".."))
                .resolve("e2e-tests/target/e2e-keys/first-event-" + java.util.UUID.randomUUID() + ".pem");
        try {
            java.nio.file.Files.createDirectories(key.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        env.put("RAPPORT_IDENTITY_SIGNING_KEY", key.toString());
        gateway = new ServiceProcess("gateway", env, List.of());
        ServiceProcess.startAll(List.of(scriptService, gateway)); // at once: their start-ups overlap
    }

    @AfterAll
    static void stop() throws InterruptedException {
        // SIGKILL: the test is over, nothing looks at their shutdown (a clean one takes 5 to 8 s each)
        if (gateway != null) {
            gateway.discard();
        }
        if (scriptService != null) {
            scriptService.discard();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void anIvrEventPostedToTheGatewayReachesTheAgentStreamAsASession() throws Exception {
        String interactionId = UUID.randomUUID().toString();
        TestTokens tokens = TestTokens.get();
        try (TestEventStream agent = new TestEventStream(gateway.uri("/api/v2/agent/stream"),
                java.util.Map.of("Authorization", tokens.bearer("e2e-supervisor", Roles.SUPERVISOR)))) {
            HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            gateway.uri("/api/v2/interactions/events"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", tokens.bearer("ivr", Roles.IVR))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"id":"%s","type":"started","interactionId":"%s","ani":"7204276664","dnis":"8005551234",
                             "attributes":{"Reason":"billing"}}""".formatted(UUID.randomUUID(), interactionId)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> agent.data.stream().anyMatch(d -> d.contains(interactionId)));
            String session = agent.data.stream().filter(d -> d.contains(interactionId)).findFirst().orElseThrow();
            assertThat(session).contains("\"version\":1").contains("\"state\":\"alerting\"")
                    .contains("\"ani\":\"7204276664\"").contains("\"Reason\":\"billing\"");
        }
        assertThat(scriptService.get("/api/v2/interactions/" + interactionId + "/session")).contains("\"version\":1");
    }
}
