package dev.rapport.e2e;

import dev.rapport.testkit.TopicContents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.Topics;
import dev.rapport.infra.demo.DemoLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two of each of script-service, action-service and the gateway (behind Debian's HAProxy) on one broker and one
 * database, the demo loaded, calls placed at a steady rate through the load balancer while the agent's streams are
 * open, and the instances mistreated during the load: one script-service killed (SIGKILL) and restarted, the other
 * frozen (SIGSTOP) past its Kafka session timeout and thawed (a zombie), an action-service (which publishes its
 * outbox) killed and restarted, a gateway stopped (SIGTERM; its streams move to the other). Then nothing may be lost
 * or doubled anywhere.
 *
 * <p>Its runs found three bugs (a command refused by a replica that was behind, a redelivered request under a dead
 * instance's claim, a session loaded from before another instance's commit), each fixed with a test of its own.
 */
class ReplicasIT {
    private static final int CALLS = 2_000;
    private static final int RATE_PER_SECOND = 20;
    /** Every Nth call, the agent updates the case with the workshop's Submit (a data action through action-service). */
    private static final int SUBMIT_EVERY = 40;
    private static final List<String> SCRIPT_SETTINGS = List.of("-Drapport.sessions.commit-interval=2s",
            "-Dkafka.session.timeout.ms=6000", "-Dkafka.heartbeat.interval.ms=1000");
    private static final Pattern REDELIVERED = Pattern.compile(
            "rapport_events_redelivered_total\\{consumer=\"script-service\\.[a-z-]+\"[^}]*\\} ([0-9.]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Infra infra;
    private static final Map<String, String> databases = new HashMap<>();
    private static final Map<String, ServiceProcess> running = new HashMap<>();
    private static final Map<String, Map<String, String>> envs = new HashMap<>();
    private static final Map<String, Integer> ports = new HashMap<>();
    private static LoadBalancer balancer;
    private static URI gateway;

    @BeforeAll
    static void start() throws Exception {
        infra = new Infra();
        for (String service : List.of("datatable", "script", "action")) {
            databases.put(service, infra.postgres.newDatabase("e2e_replicas_" + service));
        }
        for (String name : List.of("gateway-1", "gateway-2", "datatable-service", "action-service-1",
                "action-service-2", "script-service-1", "script-service-2")) {
            ports.put(name, ServiceProcess.freePort());
        }
        int balancerPort = ServiceProcess.freePort();
        gateway = URI.create("http://127.0.0.1:" + balancerPort);
        String jwks = gateway + "/oauth/jwks"; // through the balancer: any gateway publishes the shared key set
        Path key = RapportSystem.ROOT.resolve("e2e-tests/target/e2e-keys/replicas-" + UUID.randomUUID() + ".pem");
        Files.createDirectories(key.getParent());

        envs.put("datatable-service", backend("datatable", jwks, Map.of()));
        for (int i = 1; i <= 2; i++) {
            envs.put("action-service-" + i, backend("action", jwks, Map.of(
                    "RAPPORT_ACTIONS_INTERNAL_BASE_URL", gateway.toString(),
                    "RAPPORT_ACTIONS_ALLOWED_DESTINATIONS", "127.0.0.1")));
            envs.put("script-service-" + i, backend("script", jwks, Map.of(
                    "RAPPORT_SCRIPTS_ACTION_SERVICE_URL", "http://127.0.0.1:" + ports.get("action-service-" + i),
                    "RAPPORT_SESSIONS_LOOKUPS_DATATABLE_URL", "http://127.0.0.1:" + ports.get("datatable-service"),
                    "RAPPORT_SESSIONS_LOOKUPS_TOKEN_URL", gateway + "/oauth/token")));
            Map<String, String> gw = new HashMap<>(infra.env(null));
            gw.remove("RAPPORT_JWT_PUBLIC_KEY"); // the gateways verify with their own key set
            gw.put("RAPPORT_IDENTITY_SIGNING_KEY", key.toString()); // one key file shared by both
            // The stopped gateway keeps its 5 s shutdown delay (readiness down, the balancer moves away), then gives
            // open requests 5 s, not 20: the agents' streams never end by themselves, so it waited the whole timeout
            // before closing them and letting them reconnect to the other.
            gw.put("RAPPORT_SHUTDOWN_TIMEOUT", "5s");
            gw.put("RAPPORT_ROUTES_DATATABLE", "http://127.0.0.1:" + ports.get("datatable-service"));
            gw.put("RAPPORT_ROUTES_SCRIPT", "http://127.0.0.1:" + ports.get("script-service-" + i));
            gw.put("RAPPORT_ROUTES_ACTION", "http://127.0.0.1:" + ports.get("action-service-" + i));
            envs.put("gateway-" + i, gw);
        }
        // The gateways first (the others verify tokens with their key set), started together on an empty key file.
        List<Thread> gateways = new ArrayList<>();
        for (String name : List.of("gateway-1", "gateway-2")) {
            Thread t = new Thread(() -> launch(name));
            t.start();
            gateways.add(t);
        }
        for (Thread t : gateways) {
            t.join();
        }
        // Then the five others at once (their JVM start-ups overlap).
        List<ServiceProcess> backends = new ArrayList<>();
        for (String name : List.of("datatable-service", "action-service-1", "action-service-2", "script-service-1",
                "script-service-2")) {
            backends.add(process(name));
        }
        ServiceProcess.startAll(backends);
        balancer = new LoadBalancer(balancerPort, List.of(
                new LoadBalancer.Backend(ports.get("gateway-1"), running.get("gateway-1").managementPort()),
                new LoadBalancer.Backend(ports.get("gateway-2"), running.get("gateway-2").managementPort())));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> HTTP.send(HttpRequest.newBuilder(
                gateway.resolve("/oauth/jwks")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess p : running.values()) {
            p.discard(); // SIGKILL: the test is over, nothing looks at their shutdown
        }
        if (balancer != null) {
            balancer.close();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void twoOfEveryServiceMistreatedUnderLoadLoseNothingAndDoubleNothing() throws Exception {
        DemoLoader.Loaded demo = new DemoLoader(gateway, RapportSystem.ROOT.resolve("demo")).load("admin", "admin");
        assertThat(demo.tableId()).isNotBlank();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Tokens tokens = new Tokens();
        List<AgentStreamReader> streams = List.of(new AgentStreamReader(gateway, tokens::alex),
                new AgentStreamReader(gateway, tokens::alex));
        // One call before the load: the flow, the lookup, both streams and the Submit work at all.
        String first = "warm-up-" + run; // not counted below: those count the run's own calls
        call(tokens, first, true, streams.get(0));
        for (AgentStreamReader s : streams) {
            awaitOrExplain(() -> s.latest().containsKey(first), first, streams, "the warm-up call on every stream");
        }
        ExecutorService calls = Executors.newFixedThreadPool(24);
        List<Future<?>> placed = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                sleepUntil(t0 + i * 1_000_000_000L / RATE_PER_SECOND);
                String id = run + "-" + i;
                ids.add(id);
                boolean submit = i % SUBMIT_EVERY == 0;
                placed.add(calls.submit(() -> {
                    call(tokens, id, submit, streams.get(0));
                    return null;
                }));
                mistreat(i);
            }
            for (Future<?> f : placed) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            calls.shutdownNow();
        }

        // Every call ended; the streams end on each call's final version, as published on 'sessions'.
        Map<String, Long> finalVersions = new HashMap<>();
        Set<String> wanted = Set.copyOf(ids);
        // Each round reads all of 'sessions' as it is at that moment (up to its end offsets), not for a fixed time.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, String> finalState = readSessions(wanted, finalVersions);
            return finalState.keySet().containsAll(wanted) && wanted.stream().allMatch(id -> "ended".equals(finalState.get(id)))
                    && streams.stream().allMatch(s -> wanted.stream().allMatch(id -> s.version(id) == finalVersions.get(id)));
        });
        assertThat(streams.stream().mapToInt(AgentStreamReader::connections).sum())
                .as("the stopped gateway's stream reconnected to the other").isGreaterThan(streams.size());
        for (AgentStreamReader s : streams) {
            s.close();
        }

        try (Connection script = connect("script"); Connection action = connect("action")) {
            assertThat(single(script, "SELECT count(*) FROM interaction WHERE id LIKE '" + run + "-%'"))
                    .as("one interaction per call").isEqualTo(CALLS);
            assertThat(single(script, "SELECT count(*) FROM processed_event WHERE consumer = 'script-service.interactions'"
                    + " AND event_id LIKE '" + run + "-%'")).as("one handled-event row per input").isEqualTo(3L * CALLS);
            long submits = (CALLS + SUBMIT_EVERY - 1) / SUBMIT_EVERY;
            String answered = "SELECT count(*) FROM action_result WHERE interaction_id LIKE '" + run
                    + "-%' AND result IS NOT NULL";
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> single(action, answered) >= submits);
            long results = single(action, answered);
            long executions = single(action, "SELECT count(*) FROM action_execution WHERE interaction_id LIKE '"
                    + run + "-%' AND request_id IS NOT NULL");
            long requested = single(script, "SELECT count(*) FROM timeline_entry WHERE kind = 'action.requested'"
                    + " AND interaction_id LIKE '" + run + "-%'");
            assertThat(requested).as("one data action request per Submit").isEqualTo(submits);
            assertThat(results).as("one result per request (late ones included)").isEqualTo(submits);
            assertThat(executions).as("as many executions as results").isEqualTo(results);
        }
        for (String topic : Topics.ALL) {
            assertThat(TopicContents.read(infra.kafka.bootstrapServers(), topic + "-dlq", r -> true))
                    .as("dead letters on %s-dlq", topic).isEmpty();
        }
        double redelivered = 0;
        for (String name : List.of("script-service-1", "script-service-2")) {
            Matcher m = REDELIVERED.matcher(running.get(name).get("/q/metrics"));
            while (m.find()) {
                redelivered += Double.parseDouble(m.group(1));
            }
        }
        assertThat(redelivered).as("inputs came again after the kill and the freeze (the windows were hit)").isPositive();

        // 'sessions' once more, with everything published during the checks above: a late record (a version with
        // another payload, a new state below a published version) still fails the test.
        Map<String, String> stateAtTheEnd = readSessions(wanted, new HashMap<>());
        assertThat(wanted).allMatch(id -> "ended".equals(stateAtTheEnd.get(id)));
    }

    /**
     * Reads all of 'sessions' as it is now (up to its end offsets): fails on a version with two payloads or a new state
     * below a version already published; fills {@code finalVersions} and returns each call's last state.
     */
    private static Map<String, String> readSessions(Set<String> wanted, Map<String, Long> finalVersions)
            throws Exception {
        finalVersions.clear();
        Map<String, String> payloadOfVersion = new HashMap<>();
        Map<String, String> finalState = new HashMap<>();
        for (ConsumerRecord<String, String> r : TopicContents.read(infra.kafka.bootstrapServers(), Topics.SESSIONS,
                r -> wanted.contains(r.key()))) {
            JsonNode state = JSON.readTree(r.value());
            long version = state.path("version").asLong();
            String before = payloadOfVersion.putIfAbsent(r.key() + "@" + version, r.value());
            assertThat(before == null || before.equals(r.value())).as("version %s of %s carries one payload",
                    version, r.key()).isTrue();
            long previous = finalVersions.getOrDefault(r.key(), 0L);
            if (version < previous) {
                // a relay killed between publishing and deleting its rows: the next owner sends them again
                assertThat(before).as("%s@%s, below version %s already published, is a replay of the same state",
                        r.key(), version, previous).isEqualTo(r.value());
            }
            finalVersions.put(r.key(), Math.max(previous, version));
            if (version >= previous) {
                finalState.put(r.key(), state.path("state").asText());
            }
        }
        return finalState;
    }

    /** The mistreatment, spread over the load. */
    private static void mistreat(int call) throws Exception {
        if (call == CALLS / 5) {
            running.get("script-service-1").kill();
            new Thread(() -> launch("script-service-1")).start();
        } else if (call == 2 * CALLS / 5) {
            ServiceProcess frozen = running.get("script-service-2");
            frozen.signal("STOP");
            new Thread(() -> {
                sleep(10_000); // past the 6 s session timeout: its partitions go to the other instance
                try {
                    frozen.signal("CONT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
        } else if (call == 3 * CALLS / 5) {
            running.get("action-service-1").kill();
            new Thread(() -> launch("action-service-1")).start();
        } else if (call == 4 * CALLS / 5) {
            running.get("gateway-1").stop(); // SIGTERM: not restarted; its streams and calls go to gateway-2
        }
    }

    /** started, connected to alex, (every Nth: the case updated with Submit), ended; each post retried until taken. */
    private static void call(Tokens tokens, String id, boolean submit, AgentStreamReader stream) throws Exception {
        event(tokens, Map.of("id", id + "-started", "type", "started", "interactionId", id, "ani", "7204276664",
                "dnis", "8005551234"));
        event(tokens, Map.of("id", id + "-connected", "type", "connected", "interactionId", id,
                "agent", Map.of("id", "alex", "name", "Alex Agent")));
        if (submit) {
            awaitOrExplain(() -> stream.latest().containsKey(id) && stream.latest().get(id).path("script").has("id"),
                    id, List.of(stream), "the screen pop on the agent's stream");
            command(tokens, id, Map.of("id", id + "-set", "type", "setVariable", "variable", "CaseStatus",
                    "value", "Checked under load " + id), stream.version(id));
            command(tokens, id, Map.of("id", id + "-click", "type", "click", "component", "Submit"),
                    stream.version(id));
            // Done either way: the data action answered, or (a kill or a freeze took longer than the action
            // timeout) the script took its failure path; what must hold is one execution per answer, below.
            awaitOrExplain(() -> {
                JsonNode runs = stream.latest().get(id).path("actions");
                return runs.size() > 0 && java.util.stream.StreamSupport.stream(runs.spliterator(), false)
                        .noneMatch(r -> "running".equals(r.path("status").asText()));
            }, id, List.of(stream), "the end of the Submit's run on the stream");
        } else {
            Thread.sleep(1_000);
        }
        event(tokens, Map.of("id", id + "-ended", "type", "ended", "interactionId", id));
    }

    /** Waits up to 2 minutes; else fails with what the streams hold of the call and the call's timeline. */
    private static void awaitOrExplain(java.util.concurrent.Callable<Boolean> condition, String id,
                                       List<AgentStreamReader> streams, String what) {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder seen = new StringBuilder();
            for (AgentStreamReader s : streams) {
                seen.append("\n  a stream (").append(s.connections()).append(" connections, ").append(s.latest().size())
                        .append(" interactions) holds: ").append(s.latest().get(id));
            }
            String timeline;
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/api/v2/interactions/" + id
                        + "/timeline")).header("Authorization", "Bearer " + Tokens.token(
                        "grant_type=password&username=admin&password=admin")).build(), HttpResponse.BodyHandlers.ofString());
                timeline = r.statusCode() + " " + r.body();
            } catch (Exception failed) {
                timeline = failed.toString();
            }
            throw new AssertionError("no " + what + " for " + id + ":" + seen + "\n  its timeline: " + timeline, e);
        }
    }

    private static void event(Tokens tokens, Map<String, Object> body) throws Exception {
        send("/api/v2/interactions/events", tokens.ivr(), body, Map.of());
    }

    /** As the desktop sends it: with the version its stream showed, which the other gateway may not hold yet. */
    private static void command(Tokens tokens, String id, Map<String, Object> body, long shown) throws Exception {
        send("/api/v2/agent/interactions/" + id + "/commands", tokens.alex(), body,
                Map.of("X-Rapport-Session-Version", Long.toString(shown)));
    }

    /** Retried while the gateway behind the balancer goes away; the same id is handled once by the consumers. */
    private static void send(String path, String token, Map<String, Object> body, Map<String, String> headers)
            throws Exception {
        String json = JSON.writeValueAsString(body);
        Exception last = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
                headers.forEach(request::header);
                HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    return;
                }
                assertThat(r.statusCode()).as(path + " " + r.body()).isGreaterThanOrEqualTo(500);
                last = new IllegalStateException(r.statusCode() + " " + r.body());
            } catch (java.io.IOException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("never accepted: " + path + " " + json, last);
    }

    /** Tokens from the gateways' shared key, taken again before they expire. */
    private static final class Tokens {
        private volatile String ivr;
        private volatile String alex;

        synchronized String ivr() {
            if (ivr == null) {
                ivr = token("grant_type=client_credentials&client_id=ivr&client_secret=ivr-secret");
            }
            return ivr;
        }

        synchronized String alex() {
            if (alex == null) {
                alex = token("grant_type=password&username=alex&password=alex");
            }
            return alex;
        }

        static String token(String form) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/oauth/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                return JSON.readTree(r.body()).path("access_token").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Map<String, String> backend(String database, String jwks, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(infra.env(databases.get(database)));
        env.put("RAPPORT_JWT_PUBLIC_KEY", jwks);
        env.putAll(extra);
        return env;
    }

    private static void launch(String name) {
        process(name).start();
    }

    /** The process of {@code name}, registered as the running one (to be stopped at the end), not started yet. */
    private static ServiceProcess process(String name) {
        String service = name.replaceFirst("-[0-9]$", "");
        List<String> settings = service.equals("script-service") ? SCRIPT_SETTINGS : List.of();
        ServiceProcess p = new ServiceProcess(service, name, ports.get(name), envs.get(name), settings);
        synchronized (running) {
            running.put(name, p);
        }
        return p;
    }

    private static Connection connect(String service) throws Exception {
        return DriverManager.getConnection(databases.get(service), infra.postgres.user(), infra.postgres.password());
    }

    private static long single(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            sleep(wait / 1_000_000);
        }
    }
}
