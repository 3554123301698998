package dev.rapport.script.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.DirectoryUser;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Roles;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.TopicContents;
import dev.rapport.script.WorkshopScript;
import dev.rapport.script.scripts.ScriptFormat;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Built-in routing on the real broker and database: the directory from topic 'users', queues with members and skills,
 * offers to the longest-idle agent who has the skills, NOT_RESPONDING and the next agent after the alert timeout, the
 * answer connecting the agent under the directory's name, the in-queue timeout's routingFailed, and two routers that
 * never offer one interaction twice nor one agent two.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DNIS = "8005550100";
    private static final Map<String, String> PEOPLE = Map.of("ann", "Ann Agent", "bob", "Bob Agent",
            "carl", "Carl Agent", "dana", "Dana Agent", "eve", "Eve Agent", "f1", "Fay One", "f2", "Fay Two",
            "f3", "Fay Three");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Router router;

    private final String admin = TestTokens.get().bearer("ada", Roles.ADMIN);
    private TopicProbe probe;
    private String scriptId;
    private String generalQueue;

    @BeforeEach
    void setUp() {
        if (probe != null) {
            return;
        }
        probe = new TopicProbe(bootstrap);
        PEOPLE.forEach((id, name) -> probe.send(user(new DirectoryUser(id, name, id + "@example.com",
                List.of(Roles.AGENT)))));
        // script-service keeps the directory from the topic: the users are known once their status can be read
        await().atMost(WAIT).untilAsserted(() -> PEOPLE.keySet().forEach(id -> given().header("Authorization", admin)
                .get("/api/v2/users/{id}/routingstatus", id).then().statusCode(200).body("status", equalTo("OFF_QUEUE"))));

        scriptId = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(ScriptFormat.write(WorkshopScript.definition())).post("/api/v2/scripts")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", admin).post("/api/v2/scripts/{id}/publish", scriptId)
                .then().statusCode(lessThan(300));
        generalQueue = queue("General", 2, null, "ann", "bob");
        String flow = """
                {"name":"Routed %s","match":{"dnis":["%s"]},"steps":[
                  {"type":"screenPop","scriptId":"%s","inputs":{"CustomerName":"Jane Doe"}},
                  {"type":"transferToQueue","queueId":"%s","queueName":"General"}]}
                """.formatted(UUID.randomUUID(), DNIS, scriptId, generalQueue);
        String flowId = given().header("Authorization", admin).contentType(ContentType.JSON).body(flow)
                .post("/api/v2/flows/inbound").then().statusCode(201).extract().path("id");
        given().header("Authorization", admin).post("/api/v2/flows/inbound/{id}/publish", flowId)
                .then().statusCode(200);
    }

    @Test
    void theLongestIdleMemberIsOfferedThenTheNextWhenNoAnswerAndTheAnswerConnectsUnderTheDirectorysName() {
        status("ann", "IDLE");
        status("bob", "IDLE");
        String call = UUID.randomUUID().toString();
        probe.send(interaction(started(call)));

        SessionState offered = awaitSession(call, s -> "alerting".equals(s.state()));
        assertThat(offered.agent().id()).isEqualTo("ann"); // idle longer than bob
        assertThat(offered.agent().name()).isEqualTo("Ann Agent");
        assertThat(offered.script()).isNotNull();

        // ann does not answer within the queue's 2 s: NOT_RESPONDING, and bob is offered the call
        SessionState next = awaitSession(call, s -> "alerting".equals(s.state()) && s.agent() != null
                && "bob".equals(s.agent().id()));
        assertThat(next.agent().name()).isEqualTo("Bob Agent");
        statusIs("ann", "NOT_RESPONDING");

        // ann's late answer changes nothing; bob's connects him (named by the directory, whoever sent connected)
        probe.send(answer(call, "ann"));
        probe.send(answer(call, "bob"));
        SessionState connected = awaitSession(call, s -> "connected".equals(s.state()));
        assertThat(connected.agent().id()).isEqualTo("bob");
        assertThat(connected.agent().name()).isEqualTo("Bob Agent");
        assertThat(connected.agent().email()).isEqualTo("bob@example.com");
        assertThat(text(connected.page(), "greeting")).contains("My name is Bob Agent");
        statusIs("bob", "INTERACTING");
        assertThat(events(call, InteractionEvent.Kind.CONNECTED, 1)).hasSize(1);

        probe.send(interaction(event(InteractionEvent.Kind.ENDED, call, null, null)));
        await().atMost(WAIT).untilAsserted(() -> statusIs("bob", "IDLE"));
        List<String> kinds = given().header("Authorization", admin).get("/api/v2/interactions/{id}/timeline", call)
                .then().statusCode(200).extract().jsonPath().getList("entities.kind", String.class);
        assertThat(kinds).contains("interaction.alerting", "interaction.queued", "command.answer",
                "interaction.connected");
        // The timeline says why the call waited again: ann did not answer.
        List<String> summaries = given().header("Authorization", admin).get("/api/v2/interactions/{id}/timeline", call)
                .then().statusCode(200).extract().jsonPath().getList("entities.summary", String.class);
        assertThat(summaries).anyMatch(s -> s.startsWith("queued to queue ")
                && s.endsWith(": ann did not answer within 2 s"));
        status("ann", "OFF_QUEUE");
        status("bob", "OFF_QUEUE");
    }

    @Test
    void anInteractionNeedingASkillIsOfferedOnlyToAMemberWhoHasIt() {
        String skill = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Insurance " + UUID.randomUUID())).post("/api/v2/routing/skills")
                .then().statusCode(200).extract().path("id");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("id", skill, "proficiency", 3)).post("/api/v2/users/dana/routingskills")
                .then().statusCode(200).body("name", org.hamcrest.Matchers.startsWith("Insurance"));
        String queue = queue("Insurance", 30, null, "carl", "dana");
        String call = UUID.randomUUID().toString();
        probe.send(interaction(event(InteractionEvent.Kind.QUEUED, call, new InteractionEvent.QueueRef(queue, null),
                null)));
        // the interaction waits in the queue (nobody is available): it needs the skill
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("skillIds", List.of(skill), "priority", 5))
                .patch("/api/v2/routing/conversations/{id}", call).then().statusCode(200)
                .body("priority", equalTo(5)).body("skillIds[0]", equalTo(skill)));
        status("carl", "IDLE"); // idle longer, but without the skill
        status("dana", "IDLE");

        SessionState offered = awaitSession(call, s -> "alerting".equals(s.state()));
        assertThat(offered.agent().id()).isEqualTo("dana");
        assertThat(events(call, InteractionEvent.Kind.ALERTING, 1)).extracting(e -> e.agent().id())
                .containsExactly("dana");
        statusIs("carl", "IDLE");

        // observations of the queue, as a flow's data action reads them
        JsonNode observed = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("""
                        {"filter":{"type":"or","predicates":[{"type":"dimension","dimension":"queueId",
                          "operator":"matches","value":"%s"}]},"metrics":["oOnQueueUsers","oAlerting","oWaiting"]}
                        """.formatted(queue)).post("/api/v2/analytics/queues/observations/query")
                .then().statusCode(200).extract().as(JsonNode.class);
        assertThat(observed.at("/results/0/group/queueId").asText()).isEqualTo(queue);
        assertThat(observed.at("/results/0/data").toString()).contains("\"qualifier\":\"IDLE\"")
                .contains("\"metric\":\"oAlerting\",\"stats\":{\"count\":1}");
        status("dana", "OFF_QUEUE"); // takes the offer back
        awaitSession(call, s -> "queued".equals(s.state()));
        status("carl", "OFF_QUEUE");
    }

    @Test
    void theInQueueTimeoutEndsTheWaitWithRoutingFailed() {
        String queue = queue("Nobody", 8, 1, "eve");
        String call = UUID.randomUUID().toString();
        probe.send(interaction(event(InteractionEvent.Kind.QUEUED, call, new InteractionEvent.QueueRef(queue, null),
                null)));
        List<InteractionEvent> failed = events(call, InteractionEvent.Kind.ROUTING_FAILED, 1);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).reason()).contains("in-queue timeout").contains("Nobody");
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("priority", 1))
                .patch("/api/v2/routing/conversations/{id}", call).then().statusCode(404);
        // eve becoming available later is not offered it: the entry is out
        status("eve", "IDLE");
        assertThat(probe.read(Topics.INTERACTIONS, r -> call.equals(r.key()) && r.value() != null
                && r.value().contains("\"alerting\""), 1, Duration.ofSeconds(3), Duration.ZERO)).isEmpty();
        status("eve", "OFF_QUEUE");
    }

    @Test
    void anIvrsConnectedNamingOnlyTheAgentIdShowsTheDirectorysName() {
        String call = UUID.randomUUID().toString();
        InteractionEvent start = new InteractionEvent(UUID.randomUUID().toString(), InteractionEvent.Kind.STARTED,
                call, Instant.now(), "5550009999", "8009999999", null, null, null, null,
                new InteractionEvent.ScreenPop(scriptId, Map.of("CustomerName", "Jim")));
        probe.send(interaction(start));
        awaitSession(call, s -> s.script() != null);
        probe.send(interaction(event(InteractionEvent.Kind.CONNECTED, call, null,
                new InteractionEvent.AgentRef("eve", null, null))));
        SessionState connected = awaitSession(call, s -> "connected".equals(s.state()));
        assertThat(connected.agent().name()).isEqualTo("Eve Agent");
        assertThat(text(connected.page(), "greeting")).contains("My name is Eve Agent");
    }

    @Test
    void twoRoutersNeverOfferOneInteractionTwiceNorOneAgentTwo() throws InterruptedException {
        String queue = queue("Crowded", 60, null, "f1", "f2", "f3");
        status("f1", "IDLE");
        status("f2", "IDLE");
        status("f3", "IDLE");
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> routers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    router.round(); // each in a transaction of its own, besides the scheduled scan and wake-ups
                }
            });
            t.start();
            routers.add(t);
        }
        List<String> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                String call = UUID.randomUUID().toString();
                calls.add(call);
                probe.send(interaction(event(InteractionEvent.Kind.QUEUED, call,
                        new InteractionEvent.QueueRef(queue, "Crowded"), null)));
            }
            Set<String> ours = new HashSet<>(calls);
            List<ConsumerRecord<String, String>> offers = probe.read(Topics.INTERACTIONS, r -> ours.contains(r.key())
                    && EventTypes.interaction(InteractionEvent.Kind.ALERTING).equals(KafkaCloudEvents.header(
                    r.headers(), "ce_type")), 3, WAIT, Duration.ofSeconds(4));
            List<InteractionEvent> alerting = offers.stream()
                    .map(r -> EventJson.read(r.value(), InteractionEvent.class)).toList();
            assertThat(alerting).hasSize(3);
            assertThat(alerting).extracting(InteractionEvent::interactionId).doesNotHaveDuplicates();
            assertThat(alerting).extracting(e -> e.agent().id()).containsExactlyInAnyOrder("f1", "f2", "f3");
        } finally {
            running.set(false);
            for (Thread t : routers) {
                t.join(10_000);
            }
            status("f1", "OFF_QUEUE");
            status("f2", "OFF_QUEUE");
            status("f3", "OFF_QUEUE");
        }
    }

    @Test
    void anAgentSetsOnlyTheirOwnStatusAndOnlyToOffQueueOrIdle() {
        String ann = TestTokens.get().bearer("ann", Roles.AGENT);
        given().header("Authorization", ann).contentType(ContentType.JSON).body(Map.of("status", "INTERACTING"))
                .put("/api/v2/users/ann/routingstatus").then().statusCode(400)
                .body("details[0].fieldName", equalTo("status"));
        given().header("Authorization", ann).contentType(ContentType.JSON).body(Map.of("status", "IDLE"))
                .put("/api/v2/users/bob/routingstatus").then().statusCode(403);
        given().header("Authorization", ann).contentType(ContentType.JSON).body(Map.of("status", "OFF_QUEUE"))
                .put("/api/v2/users/ann/routingstatus").then().statusCode(200).body("status", equalTo("OFF_QUEUE"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("status", "busy"))
                .put("/api/v2/users/ann/routingstatus").then().statusCode(400)
                .body("details[0].fieldName", equalTo("status"));
        given().header("Authorization", admin).get("/api/v2/users/nobody/routingstatus").then().statusCode(404);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private String queue(String name, int alertingTimeout, Integer inQueueTimeout, String... members) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name + " " + UUID.randomUUID());
        body.put("mediaSettings", Map.of("call", Map.of("alertingTimeoutSeconds", alertingTimeout)));
        if (inQueueTimeout != null) {
            body.put("inQueueTimeoutSeconds", inQueueTimeout);
        }
        String id = given().header("Authorization", admin).contentType(ContentType.JSON).body(body)
                .post("/api/v2/routing/queues").then().statusCode(200)
                .body("mediaSettings.call.alertingTimeoutSeconds", equalTo(alertingTimeout))
                .extract().path("id");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(java.util.Arrays.stream(members).map(m -> Map.of("id", m)).toList())
                .post("/api/v2/routing/queues/{id}/members", id).then().statusCode(204);
        return id;
    }

    private void status(String user, String status) {
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("status", status))
                .put("/api/v2/users/{id}/routingstatus", user).then().statusCode(200).body("status", equalTo(status));
    }

    private void statusIs(String user, String status) {
        given().header("Authorization", admin).get("/api/v2/users/{id}/routingstatus", user).then().statusCode(200)
                .body("status", equalTo(status));
    }

    private List<InteractionEvent> events(String call, InteractionEvent.Kind kind, int expected) {
        String type = EventTypes.interaction(kind);
        return probe.read(Topics.INTERACTIONS, r -> call.equals(r.key())
                        && type.equals(KafkaCloudEvents.header(r.headers(), "ce_type")), expected, WAIT,
                Duration.ofSeconds(1)).stream().map(r -> EventJson.read(r.value(), InteractionEvent.class)).toList();
    }

    private SessionState awaitSession(String interactionId, Predicate<SessionState> wanted) {
        List<SessionState> seen = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            seen.clear();
            // the topic as it is now (up to its end offsets), not read for a fixed 1.5 s each round
            for (ConsumerRecord<String, String> r : TopicContents.read(bootstrap, Topics.SESSIONS,
                    r -> interactionId.equals(r.key()))) {
                seen.add(EventJson.read(r.value(), SessionState.class));
            }
            return seen.stream().anyMatch(wanted);
        });
        return seen.stream().filter(wanted).reduce((a, b) -> b).orElseThrow();
    }

    private static String text(JsonNode page, String id) {
        return find(page.path("root"), id).path("text").asText();
    }

    private static JsonNode find(JsonNode component, String id) {
        if (id.equals(component.path("id").asText())) {
            return component;
        }
        for (JsonNode child : component.path("children")) {
            JsonNode found = find(child, id);
            if (!found.isMissingNode()) {
                return found;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static InteractionEvent started(String call) {
        return new InteractionEvent(UUID.randomUUID().toString(), InteractionEvent.Kind.STARTED, call, Instant.now(),
                "5550001234", DNIS, null, null, null, null);
    }

    private static InteractionEvent event(InteractionEvent.Kind kind, String call, InteractionEvent.QueueRef queue,
                                          InteractionEvent.AgentRef agent) {
        return new InteractionEvent(UUID.randomUUID().toString(), kind, call, Instant.now(), null, null, null, queue,
                agent, null);
    }

    private static ProducerRecord<String, String> interaction(InteractionEvent e) {
        return KafkaCloudEvents.toRecord(Topics.INTERACTIONS, new CloudEvent(e.id(), EventTypes.interaction(e.type()),
                "/test/ivr", e.interactionId(), Instant.now(), EventJson.write(e)), null);
    }

    private static ProducerRecord<String, String> answer(String call, String agent) {
        AgentCommand c = new AgentCommand(UUID.randomUUID().toString(), AgentCommand.Kind.ANSWER, call, agent,
                Instant.now(), null, null, null, null);
        return KafkaCloudEvents.toRecord(Topics.AGENT_COMMANDS, new CloudEvent(c.id(), EventTypes.AGENT_COMMAND,
                "/test/gateway", call, Instant.now(), EventJson.write(c)), null);
    }

    private static ProducerRecord<String, String> user(DirectoryUser u) {
        return KafkaCloudEvents.toRecord(Topics.USERS, new CloudEvent(UUID.randomUUID().toString(),
                EventTypes.USER_UPDATED, "/test/gateway", u.id(), Instant.now(), EventJson.write(u)), null);
    }
}
