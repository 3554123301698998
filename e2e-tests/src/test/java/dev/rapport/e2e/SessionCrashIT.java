package dev.rapport.e2e;

import dev.rapport.testkit.TopicContents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.ActionResult;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Roles;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.TestTokens;
import dev.rapport.testkit.TopicProbe;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * script-service is killed (SIGKILL) while a custom action waits for its data action. The result arrives while it is
 * down; after the restart the run resumes with it: the alert shows once, and the published versions stay in order.
 */
class SessionCrashIT {
    private static final Path ROOT = Path.of(System.getProperty("rapport.root", ".."));
    private static Infra infra;
    private static String database;
    private static ServiceProcess script;
    /**
     * The killed instance's group membership and outbox leases expire in 6 and 10 s (not 10 and 30), so the restarted
     * one takes its partitions and shards sooner; a relay round here takes well under a second.
     */
    private static final List<String> SETTINGS = List.of("-Dkafka.session.timeout.ms=6000",
            "-Dkafka.heartbeat.interval.ms=1000", "-Drapport.outbox.lease-ttl=10s", "-Drapport.outbox.drain-timeout=5s");

    @BeforeAll
    static void start() {
        infra = new Infra();
        database = infra.postgres.newDatabase("e2e_session_crash");
        script = new ServiceProcess("script-service", env(), SETTINGS).start();
    }

    /** No action-service runs here: results are produced by the test, and publishing does not ask for the action. */
    private static java.util.Map<String, String> env() {
        java.util.Map<String, String> env = new java.util.HashMap<>(infra.env(database));
        env.put("RAPPORT_SCRIPTS_CHECK_DATA_ACTIONS", "false");
        return env;
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (script != null) {
            script.discard(); // SIGKILL: the test is over, nothing looks at its shutdown
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void aRunWaitingForItsDataActionResumesAfterACrashAndTakesEffectOnce() throws Exception {
        String scriptId = publishWorkshopScript();
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(infra.kafka.bootstrapServers());

        probe.sendAll(List.of(
                interaction(new InteractionEvent(UUID.randomUUID().toString(), InteractionEvent.Kind.STARTED,
                        interactionId, Instant.now(), "7204276664", "8005551234", null, null, null, null,
                        new InteractionEvent.ScreenPop(scriptId, Map.of("ANI", "7204276664", "CustomerName", "Jane")))),
                interaction(new InteractionEvent(UUID.randomUUID().toString(), InteractionEvent.Kind.CONNECTED,
                        interactionId, Instant.now(), null, null, null, null,
                        new InteractionEvent.AgentRef("alex", "Alex Agent", null), null))));
        // The agent acts on what the page shows: commands come after the session with the script.
        await().atMost(Duration.ofSeconds(60)).until(() -> sessionsNow(interactionId).stream()
                .anyMatch(s -> s.script() != null && "connected".equals(s.state())));
        probe.sendAll(List.of(command(interactionId, AgentCommand.Kind.SET_VARIABLE, "CaseStatus", "Resolved", null),
                command(interactionId, AgentCommand.Kind.CLICK, null, null, "Submit")));

        var requests = probe.read(Topics.ACTION_REQUESTS, r -> interactionId.equals(r.key()), 1,
                Duration.ofSeconds(60), Duration.ZERO);
        assertThat(requests).as(() -> "no action request; timeline: " + timeline(interactionId)).hasSize(1);
        ActionRequest request = EventJson.read(requests.get(0).value(), ActionRequest.class);

        script.kill();
        probe.send(KafkaCloudEvents.toRecord(Topics.ACTION_RESULTS, new CloudEvent(UUID.randomUUID().toString(),
                EventTypes.ACTION_COMPLETED, "/test/action-service", interactionId, Instant.now(),
                EventJson.write(new ActionResult(request.requestId(), interactionId, request.actionId(), true,
                        Map.of("successresponse", "Case Updated Successfully"), null, 12))), null));
        script = new ServiceProcess("script-service", env(), SETTINGS).start();

        await().atMost(Duration.ofSeconds(90)).until(() -> sessionsNow(interactionId).stream()
                .anyMatch(s -> s.alerts() != null));
        List<SessionState> states = sessions(probe, interactionId);
        assertThat(states).extracting(SessionState::version).isSorted().doesNotHaveDuplicates();
        assertThat(states).filteredOn(s -> s.alerts() != null).singleElement()
                .satisfies(s -> assertThat(s.alerts()).extracting(SessionState.Alert::message)
                        .containsExactly("Case Updated Successfully"));
        assertThat(states.get(states.size() - 1).variables()).containsEntry("successresponse", "Case Updated Successfully");
    }

    private static String timeline(String interactionId) {
        try {
            return script.get("/api/v2/interactions/" + interactionId + "/timeline");
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** What 'sessions' holds of the interaction now (read up to its end offsets): for the waits. */
    private static List<SessionState> sessionsNow(String interactionId) {
        return TopicContents.read(infra.kafka.bootstrapServers(), Topics.SESSIONS, r -> interactionId.equals(r.key()))
                .stream().map(r -> EventJson.read(r.value(), SessionState.class)).toList();
    }

    /** What 'sessions' holds of it, read for 2 s: for the checks, so a late duplicate is seen too. */
    private static List<SessionState> sessions(TopicProbe probe, String interactionId) {
        return probe.read(Topics.SESSIONS, r -> interactionId.equals(r.key()), Integer.MAX_VALUE,
                Duration.ofSeconds(2), Duration.ZERO).stream()
                .map(r -> EventJson.read(r.value(), SessionState.class)).toList();
    }

    private static String publishWorkshopScript() throws Exception {
        String body = Files.readString(ROOT.resolve("demo/architect-workshop.script.json"))
                .replace("${DATA_ACTION_ID}", UUID.randomUUID().toString())
                .replace("\"Architect Workshop\"", "\"Architect Workshop " + UUID.randomUUID() + "\"");
        String admin = TestTokens.get().bearer("admin", Roles.ADMIN);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(script.uri("/api/v2/scripts"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = new ObjectMapper().readTree(created.body()).path("id").asText();
        HttpResponse<String> published = http.send(HttpRequest.newBuilder(script.uri("/api/v2/scripts/" + id + "/publish"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).as(published.body()).isLessThan(300);
        return id;
    }

    private static ProducerRecord<String, String> interaction(InteractionEvent e) {
        return KafkaCloudEvents.toRecord(Topics.INTERACTIONS, new CloudEvent(e.id(), EventTypes.interaction(e.type()),
                "/test/ivr", e.interactionId(), Instant.now(), EventJson.write(e)), null);
    }

    private static ProducerRecord<String, String> command(String interactionId, AgentCommand.Kind kind,
                                                          String variable, Object value, String component) {
        AgentCommand c = new AgentCommand(UUID.randomUUID().toString(), kind, interactionId, "alex", Instant.now(),
                variable, value, component, null);
        return KafkaCloudEvents.toRecord(Topics.AGENT_COMMANDS, new CloudEvent(c.id(), EventTypes.AGENT_COMMAND,
                "/test/gateway", interactionId, Instant.now(), EventJson.write(c)), null);
    }
}
