package dev.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The whole system for a browser or API story: a real PostgreSQL and Kafka broker, the four services as processes
 * (the gateway in the demo profile, so admin/admin, alex/alex and the ivr client exist, and its telephony simulator
 * answers 'interaction-commands'), and HTTP helpers that go through the gateway as any client would.
 */
final class RapportSystem implements AutoCloseable {
    static final Path ROOT = Path.of(System.getProperty("rapport.root", ".."));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RapportSystem shared;

    final Infra infra;
    final URI gateway;
    private final List<ServiceProcess> processes = new ArrayList<>();

    RapportSystem(String name) throws Exception {
        this(name, List.of());
    }

    /** The same, with system properties for the gateway (e.g. more users: {@code -Drapport.identity.users.<id>...}). */
    RapportSystem(String name, List<String> gatewayProperties) throws Exception {
        infra = new Infra();
        int gatewayPort = ServiceProcess.freePort();
        gateway = URI.create("http://127.0.0.1:" + gatewayPort);
        String jwks = gateway + "/oauth/jwks";
        Path key = ROOT.resolve("e2e-tests/target/e2e-keys/jwt-signing-" + UUID.randomUUID() + ".pem");
        Files.createDirectories(key.getParent());

        ServiceProcess datatable = service("datatable-service", name + "_datatable", jwks, Map.of());
        ServiceProcess action = service("action-service", name + "_action", jwks, Map.of(
                "RAPPORT_ACTIONS_INTERNAL_BASE_URL", gateway.toString(),
                "RAPPORT_ACTIONS_ALLOWED_DESTINATIONS", "127.0.0.1"));
        ServiceProcess script = service("script-service", name + "_script", jwks, Map.of(
                "RAPPORT_SCRIPTS_ACTION_SERVICE_URL", "http://127.0.0.1:" + action.port(),
                "RAPPORT_SESSIONS_LOOKUPS_DATATABLE_URL", "http://127.0.0.1:" + datatable.port(),
                "RAPPORT_SESSIONS_LOOKUPS_TOKEN_URL", gateway + "/oauth/token"));
        Map<String, String> gatewayEnv = new HashMap<>(infra.env(null));
        gatewayEnv.remove("RAPPORT_JWT_PUBLIC_KEY");
        gatewayEnv.put("QUARKUS_PROFILE", "prod,demo");
        gatewayEnv.put("RAPPORT_IDENTITY_SIGNING_KEY", key.toString());
        gatewayEnv.put("RAPPORT_ROUTES_DATATABLE", "http://127.0.0.1:" + datatable.port());
        gatewayEnv.put("RAPPORT_ROUTES_SCRIPT", "http://127.0.0.1:" + script.port());
        gatewayEnv.put("RAPPORT_ROUTES_ACTION", "http://127.0.0.1:" + action.port());
        ServiceProcess gw = new ServiceProcess("gateway", gatewayPort, gatewayEnv, gatewayProperties);
        // All four at once: the others fetch the gateway's key set only when the first token comes.
        processes.addAll(List.of(gw, datatable, action, script));
        ServiceProcess.startAll(processes);
    }

    /**
     * One empty system (no demo) for the admin console's browser tests, started by the first that asks and stopped
     * by {@link SharedSystemCloser} when all tests ran: each test makes its own objects with its own names.
     */
    static synchronized RapportSystem shared() throws Exception {
        if (shared == null) {
            shared = new RapportSystem("e2e_admin");
        }
        return shared;
    }

    static synchronized void closeShared() {
        if (shared == null) {
            return;
        }
        try {
            shared.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shared = null;
        }
    }

    private ServiceProcess service(String name, String database, String jwks, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(infra.env(infra.postgres.newDatabase(database)));
        env.put("RAPPORT_JWT_PUBLIC_KEY", jwks);
        env.putAll(extra);
        return new ServiceProcess(name, env, List.of());
    }

    /** Kills the four services (SIGKILL: nothing looks at their shutdown after the tests), then stops Kafka. */
    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess p : processes) {
            p.discard();
        }
        infra.close();
    }

    /** An IVR call connected to {@code agent}; {@code screenPop} null lets the inbound flow decide. */
    String call(String ani, String agent, Map<String, Object> screenPop) throws Exception {
        return call(ani, "8005551234", agent, screenPop);
    }

    /** The same, to the number {@code dnis}: the inbound flow that matches it (else the default one) runs. */
    String call(String ani, String dnis, String agent, Map<String, Object> screenPop) throws Exception {
        String ivr = token("client_credentials", "ivr", "ivr-secret");
        String interactionId = UUID.randomUUID().toString();
        Map<String, Object> started = new HashMap<>(Map.of("id", UUID.randomUUID().toString(), "type", "started",
                "interactionId", interactionId, "ani", ani, "dnis", dnis));
        if (screenPop != null) {
            started.put("screenPop", screenPop);
        }
        post("/api/v2/interactions/events", ivr, started);
        post("/api/v2/interactions/events", ivr, Map.of("id", UUID.randomUUID().toString(), "type", "connected",
                "interactionId", interactionId, "agent", Map.of("id", agent,
                        "name", "alex".equals(agent) ? "Alex Agent" : agent)));
        return interactionId;
    }

    /** Polls the agent API until the session of {@code interactionId} is as wanted; fails with its timeline. */
    JsonNode awaitSession(String interactionId, String token, Predicate<JsonNode> wanted) {
        JsonNode[] last = new JsonNode[1];
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                                gateway.resolve("/api/v2/agent/interactions/" + interactionId + "/session"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    return false;
                }
                last[0] = JSON.readTree(r.body());
                return wanted.test(last[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the session never got there; its timeline: " + timeline(interactionId), e);
        }
        return last[0];
    }

    String timeline(String interactionId) {
        try {
            return get("/api/v2/interactions/" + interactionId + "/timeline", token("password", "admin", "admin"))
                    .toString();
        } catch (Exception | AssertionError e) {
            return e.toString();
        }
    }

    String token(String grant, String user, String secret) throws Exception {
        String form = "grant_type=" + grant + (grant.equals("password")
                ? "&username=" + enc(user) + "&password=" + enc(secret)
                : "&client_id=" + enc(user) + "&client_secret=" + enc(secret));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    /** Any request through the gateway as {@code token}'s holder; a non-null body goes as JSON. */
    HttpResponse<String> send(String method, String path, String token, Object body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void post(String path, String token, Object body) throws Exception {
        HttpResponse<String> r = send("POST", path, token, body, Map.of());
        assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(200, 299);
    }

    JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> r = send("GET", path, token, null, Map.of());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
