package dev.rapport.script.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.ActionResult;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.OnBehalfOf;
import dev.rapport.contract.Roles;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.TopicContents;
import dev.rapport.script.WorkshopScript;
import dev.rapport.script.clients.DataTableServiceClient;
import dev.rapport.script.scripts.ScriptFormat;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import dev.rapport.testkit.TopicProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The workshop story up to the agent's session, on the real broker and database: a started event runs the inbound
 * flow, whose lookup (answered on 'action-results') screen-pops the workshop script with the row's columns; the
 * agent types a status and clicks Submit, whose data action's result raises the alert.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
@WithTestResource(LoopbackDataTables.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkshopSessionTest {
    private static final String TABLE = "c2f2e3a4-0000-4000-8000-000000000001";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    MeterRegistry registry;
    @jakarta.inject.Inject
    ActionTimeouts timeouts;

    private FakeActionService actions;
    private boolean ready;
    private String scriptId;
    private final String admin = TestTokens.get().bearer("admin", Roles.ADMIN);

    // Once per class, but after Quarkus and RestAssured are ready (they are not yet in @BeforeAll).
    @BeforeEach
    void setUp() {
        // each test starts with datatable-service's circuit closed and no failure counted, whatever ran before
        try {
            circuits.reset(DataTableServiceClient.CIRCUIT);
        } catch (IllegalArgumentException notReadYet) {
            // no read of datatable-service yet: nothing to reset
        }
        if (ready) {
            return;
        }
        if (actions == null) {
            actions = new FakeActionService(bootstrap, this::answer);
        }
        LoopbackDataTables.put(TABLE, "7204276664", Map.of("key", "7204276664", "CustomerName", "Jane Doe",
                "Services", "Insurance", "EmbeddedMap", "https://maps.example/embed",
                "KBURL", "https://kb.example/article"));
        scriptId = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(ScriptFormat.write(WorkshopScript.definition())).post("/api/v2/scripts")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", admin).post("/api/v2/scripts/{id}/publish", scriptId)
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));

        String flow = """
                {"name":"Workshop inbound %s","match":{"isDefault":true},"steps":[
                  {"type":"dataTableLookup","tableId":"%s","key":"{{Call.Ani}}",
                   "outputs":{"CustomerName":"CustomerName","Services":"Services","EmbeddedMap":"EmbeddedMap","KBURL":"KBURL"},
                   "found":[{"type":"screenPop","scriptId":"%s","inputs":{"ANI":"{{Call.Ani}}",
                       "CustomerName":"{{Flow.CustomerName}}","Services":"{{Flow.Services}}",
                       "EmbeddedMap":"{{Flow.EmbeddedMap}}","KBURL":"{{Flow.KBURL}}","DataTableID":"%s"}}],
                   "notFound":[{"type":"setParticipantData","attributes":{"Lookup":"notFound"}}],
                   "failure":[{"type":"setParticipantData","attributes":{"Lookup":"failed"}}]},
                  {"type":"transferToQueue","queueId":"health","queueName":"Health Client Services"}]}
                """.formatted(UUID.randomUUID(), TABLE, scriptId, TABLE);
        String flowId = given().header("Authorization", admin).contentType(ContentType.JSON).body(flow)
                .post("/api/v2/flows/inbound").then().statusCode(201).extract().path("id");
        given().header("Authorization", admin).post("/api/v2/flows/inbound/{id}/publish", flowId)
                .then().statusCode(200);
        ready = true;
    }

    @AfterAll
    void tearDown() throws InterruptedException {
        if (actions != null) {
            actions.close();
        }
    }

    /** What action-service would answer: the workshop data action (lookups are read from the table directly). */
    private ActionResult answer(ActionRequest request) {
        if ("NoAnswer".equals(request.inputs().get("CaseStatus"))) {
            return null;
        }
        return FakeActionService.success(request, Map.of("successresponse", "Case Updated Successfully"))
                .named("Architect WS - Data Table Update");
    }

    @Test
    void aScriptThatALiveFlowShowsCannotBeDeleted() {
        given().header("Authorization", admin).delete("/api/v2/scripts/{id}", scriptId)
                .then().statusCode(409).body("message", containsString("Workshop inbound"));
        given().header("Authorization", admin).get("/api/v2/scripts/{id}", scriptId).then().statusCode(200);
    }

    @Test
    void aFlowThatPopsAScriptThatIsNotPublishedIsNotPublished() {
        String draftOnly = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(ScriptFormat.write(WorkshopScript.definition()).replace("Architect Workshop", "Draft " + UUID.randomUUID()))
                .post("/api/v2/scripts").then().statusCode(201).extract().path("id");
        for (String script : List.of(draftOnly, UUID.randomUUID().toString(), "not-an-id")) {
            String flow = """
                    {"name":"Pops %s","match":{"dnis":["%s"]},"steps":[
                      {"type":"screenPop","scriptId":"%s","inputs":{"ANI":"{{Call.Ani}}"}}]}
                    """.formatted(UUID.randomUUID(), UUID.randomUUID(), script);
            String flowId = given().header("Authorization", admin).contentType(ContentType.JSON).body(flow)
                    .post("/api/v2/flows/inbound").then().statusCode(201).extract().path("id");
            given().header("Authorization", admin).post("/api/v2/flows/inbound/{id}/publish", flowId)
                    .then().statusCode(400)
                    .body("details[0].fieldName", equalTo("steps[0].scriptId"))
                    .body("message", containsString("no published script has the id " + script));
        }
    }

    @Test
    void aKnownCallerGetsTheScriptWithTheirRowAndSubmitRaisesTheAlert() {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);

        probe.send(interaction(InteractionEvent.Kind.STARTED, interactionId, "7204276664", null));
        SessionState popped = awaitSession(probe, interactionId, s -> s.script() != null);
        assertThat(popped.variables()).containsEntry("CustomerName", "Jane Doe")
                .containsEntry("EmbeddedMap", "https://maps.example/embed").containsEntry("DataTableID", TABLE);
        assertThat(popped.queue().id()).isEqualTo("health");
        assertThat(text(popped.page(), "greeting")).startsWith("Hi Jane Doe, thanks for calling");
        assertThat(node(popped.page(), "map").orElseThrow().path("source").asText())
                .isEqualTo("https://maps.example/embed");

        probe.send(interaction(InteractionEvent.Kind.CONNECTED, interactionId, null,
                new InteractionEvent.AgentRef("alex", "Alex Agent", null)));
        SessionState connected = awaitSession(probe, interactionId, s -> "connected".equals(s.state()));
        assertThat(text(connected.page(), "greeting")).contains("My name is Alex Agent");

        probe.send(command(interactionId, AgentCommand.Kind.SET_VARIABLE, "CaseStatus", "Resolved", null));
        probe.send(command(interactionId, AgentCommand.Kind.CLICK, null, null, "Submit"));

        SessionState alerted = awaitSession(probe, interactionId, s -> s.alerts() != null);
        assertThat(alerted.alerts()).extracting(SessionState.Alert::message).containsExactly("Case Updated Successfully");
        assertThat(alerted.variables()).containsEntry("successresponse", "Case Updated Successfully");
        assertThat(alerted.actions()).anySatisfy(run -> {
            assertThat(run.customAction()).isEqualTo("Update Case");
            assertThat(run.status()).isEqualTo("succeeded");
        });
        ActionRequest sent = actions.received.stream().filter(r -> interactionId.equals(r.interactionId())
                && WorkshopScript.DATA_ACTION_ID.equals(r.actionId())).findFirst().orElseThrow();
        assertThat(sent.inputs()).containsEntry("ANI", "7204276664").containsEntry("CaseStatus", "Resolved")
                .containsEntry("DataTableID", TABLE);
        // the click was alex's: the row the action changes will say so
        assertThat(sent.onBehalfOf()).isEqualTo(new OnBehalfOf("alex", "Alex Agent", "Update Case"));

        given().header("Authorization", admin).get("/api/v2/interactions/{id}/timeline", interactionId)
                .then().statusCode(200).body("entities.kind", org.hamcrest.Matchers.hasItems(
                        "interaction.started", "flow.started", "action.requested", "script.opened",
                        "command.click", "action.result", "run.completed"));
        List<String> summaries = given().header("Authorization", admin)
                .get("/api/v2/interactions/{id}/timeline", interactionId).then().statusCode(200)
                .extract().jsonPath().getList("entities.summary", String.class);
        assertThat(summaries).contains("Alex Agent set CaseStatus", "CaseStatus set", "Alex Agent clicked Submit",
                "Ran Update Case (1 step), waiting for a data action", "Update Case runs a data action for Alex Agent",
                "Ran Update Case (3 steps), completed");
        assertThat(summaries).anySatisfy(summary -> assertThat(summary)
                .matches("Architect WS - Data Table Update succeeded for Alex Agent in \\d+ ms"));
        assertThat(summaries).noneMatch(summary -> summary.contains(WorkshopScript.DATA_ACTION_ID)
                || summary.contains("1 steps") || summary.contains("[]"));
    }

    @Test
    void anUnknownCallerTakesTheNotFoundPathAndGetsNoScript() {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);

        probe.send(interaction(InteractionEvent.Kind.STARTED, interactionId, "5550000000", null));

        SessionState state = awaitSession(probe, interactionId, s -> "notFound".equals(s.attributes().get("Lookup")));
        assertThat(state.script()).isNull();
        assertThat(state.queue().id()).isEqualTo("health");
        given().header("Authorization", admin).get("/api/v2/interactions/{id}/participantdata", interactionId)
                .then().statusCode(200).body("Lookup", org.hamcrest.Matchers.equalTo("notFound"));
    }

    @Test
    void aDataActionThatNeverAnswersEndsInTheFailurePath() {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        probe.send(interaction(InteractionEvent.Kind.STARTED, interactionId, "7204276664", null));
        awaitSession(probe, interactionId, s -> s.script() != null);
        probe.send(interaction(InteractionEvent.Kind.CONNECTED, interactionId, null,
                new InteractionEvent.AgentRef("alex", "Alex Agent", null)));

        probe.send(command(interactionId, AgentCommand.Kind.SET_VARIABLE, "CaseStatus", "NoAnswer", null));
        probe.send(command(interactionId, AgentCommand.Kind.CLICK, null, null, "Submit"));

        SessionState running = awaitSession(probe, interactionId, s -> s.actions() != null
                && s.actions().stream().anyMatch(r -> "running".equals(r.status())));
        assertThat(running.actions()).hasSize(1);
        // A second instance's timeout scan on the same database, besides this one's scheduled scan.
        Thread otherInstance = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                timeouts.expireOverdue();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        otherInstance.start();
        try {
            SessionState failed = awaitSession(probe, interactionId, s -> s.alerts() != null);
            assertThat(failed.alerts()).extracting(SessionState.Alert::message).containsExactly("Failed to Update Case");
        } finally {
            otherInstance.interrupt();
        }
        // Answered once through the batch, whichever scan took it.
        List<String> kinds = given().header("Authorization", admin)
                .get("/api/v2/interactions/{id}/timeline", interactionId).then().statusCode(200)
                .extract().jsonPath().getList("entities.kind", String.class);
        assertThat(kinds.stream().filter("action.timeout"::equals)).hasSize(1);
    }

    @Test
    void anIvrThatNamesTheScriptAndItsInputsIsHonouredWithoutALookup() {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        InteractionEvent started = new InteractionEvent(UUID.randomUUID().toString(), InteractionEvent.Kind.STARTED,
                interactionId, Instant.now(), "7204276664", "8005551234", null, null, null, null,
                new InteractionEvent.ScreenPop(scriptId, Map.of("CustomerName", "Told The IVR", "ANI", "7204276664")));

        probe.send(KafkaCloudEvents.toRecord(Topics.INTERACTIONS, new CloudEvent(started.id(),
                EventTypes.interaction(started.type()), "/test/ivr", interactionId, Instant.now(),
                EventJson.write(started)), null));

        SessionState popped = awaitSession(probe, interactionId, s -> s.script() != null);
        assertThat(popped.variables()).containsEntry("CustomerName", "Told The IVR");
        assertThat(actions.received).noneMatch(r -> interactionId.equals(r.interactionId()));
    }

    @Test
    void aLookupThatCannotBeDoneTakesTheFailurePathAndTheTimelineSaysWhy() {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        LoopbackDataTables.failing = true;
        try {
            probe.send(interaction(InteractionEvent.Kind.STARTED, interactionId, "5550001111", null));
            SessionState state = awaitSession(probe, interactionId, s -> "failed".equals(s.attributes().get("Lookup")));
            assertThat(state.script()).isNull();
        } finally {
            LoopbackDataTables.failing = false;
        }
        given().header("Authorization", admin).get("/api/v2/interactions/{id}/timeline", interactionId)
                .then().statusCode(200)
                .body("entities.find { it.kind == 'flow.lookup.failed' }.summary", containsString("HTTP 503"));
    }

    @Test
    void aRowReadThatMeetsAMomentaryUnavailabilityIsReadAgainAndTheCallerIsFound() {
        LoopbackDataTables.put(TABLE, "5550004444", Map.of("key", "5550004444", "CustomerName", "Ada Retry"));
        // The batch reads ahead, then looks up in its transaction: only a read tried again gets past two 503s.
        LoopbackDataTables.UNAVAILABLE_READS.put("5550004444", new java.util.concurrent.atomic.AtomicInteger(2));
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        probe.send(interaction(InteractionEvent.Kind.STARTED, interactionId, "5550004444", null));

        SessionState popped = awaitSession(probe, interactionId, s -> s.script() != null);
        assertThat(popped.variables()).containsEntry("CustomerName", "Ada Retry");
        assertThat(LoopbackDataTables.UNAVAILABLE_READS.get("5550004444").get()).isNegative();
    }

    @Test
    void aLookupWhileDatatableServicesCircuitIsOpenTakesTheFailurePathWithoutAskingIt() {
        TopicProbe probe = new TopicProbe(bootstrap);
        LoopbackDataTables.failing = true;
        try {
            // failed reads (503, each tried twice) until the circuit opens: a few interactions at most
            for (int i = 0; i < 4 && circuitState() != CircuitBreakerState.OPEN; i++) {
                String failing = UUID.randomUUID().toString();
                probe.send(interaction(InteractionEvent.Kind.STARTED, failing, "555000200" + i, null));
                awaitSession(probe, failing, s -> "failed".equals(s.attributes().get("Lookup")));
            }
        } finally {
            LoopbackDataTables.failing = false;
        }
        assertThat(circuitState()).isEqualTo(CircuitBreakerState.OPEN);
        int reads = LoopbackDataTables.READS.get();
        double failed = failedLookups();

        // datatable-service would answer now (and has the row, not cached yet), but the open circuit fails the lookup
        LoopbackDataTables.put(TABLE, "5550003333", Map.of("key", "5550003333", "CustomerName", "Sam Open"));
        String interactionId = UUID.randomUUID().toString();
        probe.send(interaction(InteractionEvent.Kind.STARTED, interactionId, "5550003333", null));
        SessionState state = awaitSession(probe, interactionId, s -> "failed".equals(s.attributes().get("Lookup")));
        assertThat(state.script()).isNull();
        assertThat(LoopbackDataTables.READS.get()).isEqualTo(reads);
        assertThat(failedLookups()).isGreaterThan(failed);
        given().header("Authorization", admin).get("/api/v2/interactions/{id}/timeline", interactionId)
                .then().statusCode(200)
                .body("entities.find { it.kind == 'flow.lookup.failed' }.summary", containsString("circuit open"));
    }

    /** The circuit exists from the first read of datatable-service on; before, it is as good as closed. */
    private CircuitBreakerState circuitState() {
        try {
            return circuits.currentState(DataTableServiceClient.CIRCUIT);
        } catch (IllegalArgumentException notYet) {
            return CircuitBreakerState.CLOSED;
        }
    }

    private double failedLookups() {
        Counter counter = registry.find("rapport.flow.lookups").tags("source", "datatable-service", "outcome", "failed")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void commandsOfAnAgentWhoDoesNotHoldTheInteractionOrForHiddenVariablesAreRefused() {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        probe.send(interaction(InteractionEvent.Kind.STARTED, interactionId, "7204276664", null));
        awaitSession(probe, interactionId, s -> s.script() != null);
        probe.send(interaction(InteractionEvent.Kind.CONNECTED, interactionId, null,
                new InteractionEvent.AgentRef("alex", "Alex Agent", null)));
        awaitSession(probe, interactionId, s -> "connected".equals(s.state()));

        probe.send(command(interactionId, "mallory", AgentCommand.Kind.SET_VARIABLE, "CaseStatus", "forged", null));
        probe.send(command(interactionId, AgentCommand.Kind.SET_VARIABLE, "DataTableID", "another-table", null));
        probe.send(command(interactionId, AgentCommand.Kind.SET_VARIABLE, "CaseStatus", "Typed by alex", null));

        SessionState last = awaitSession(probe, interactionId,
                s -> "Typed by alex".equals(s.variables().get("CaseStatus")));
        assertThat(last.variables()).containsEntry("DataTableID", TABLE);
        List<SessionState> all = sessions(probe, interactionId);
        assertThat(all).noneMatch(s -> s.variables() != null && "forged".equals(s.variables().get("CaseStatus")));
        assertThat(all).anySatisfy(s -> assertThat(s.alerts()).isNotNull().anySatisfy(a -> {
            assertThat(a.level()).isEqualTo("error");
            assertThat(a.message()).contains("DataTableID").contains("not an input of the page shown");
        }));
        given().header("Authorization", admin).get("/api/v2/interactions/{id}/timeline", interactionId)
                .then().statusCode(200).body("entities.summary", org.hamcrest.Matchers.hasItem(
                        "Agent mallory is not connected to the interaction"));
    }

    @Test
    void anOversizedValueIsDeadLetteredWithItsReasonWhileOtherCallsAreServed() {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        probe.send(interaction(InteractionEvent.Kind.STARTED, interactionId, "7204276664", null));
        awaitSession(probe, interactionId, s -> s.script() != null);

        probe.send(command(interactionId, AgentCommand.Kind.SET_VARIABLE, "CaseStatus", "x".repeat(500_000), null));
        String other = UUID.randomUUID().toString();
        probe.send(interaction(InteractionEvent.Kind.STARTED, other, "7204276664", null));

        assertThat(awaitSession(probe, other, s -> s.script() != null).variables())
                .containsEntry("CustomerName", "Jane Doe");
        List<ConsumerRecord<String, String>> dead = probe.read(Topics.deadLetterOf(Topics.AGENT_COMMANDS),
                r -> interactionId.equals(r.key()), 1, WAIT, Duration.ZERO);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("/value").contains("at most 16384");
    }

    private List<SessionState> sessions(TopicProbe probe, String interactionId) {
        List<SessionState> seen = new ArrayList<>();
        for (ConsumerRecord<String, String> r : probe.read(Topics.SESSIONS, r -> interactionId.equals(r.key()),
                Integer.MAX_VALUE, Duration.ofMillis(1500), Duration.ZERO)) {
            seen.add(EventJson.read(r.value(), SessionState.class));
        }
        return seen;
    }

    private SessionState awaitSession(TopicProbe probe, String interactionId,
                                      java.util.function.Predicate<SessionState> wanted) {
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
        assertThat(seen).extracting(SessionState::version).isSorted().doesNotHaveDuplicates();
        return seen.stream().filter(wanted).findFirst().orElseThrow();
    }

    private static Optional<JsonNode> node(JsonNode page, String id) {
        return find(page.path("root"), id);
    }

    private static Optional<JsonNode> find(JsonNode component, String id) {
        if (id.equals(component.path("id").asText())) {
            return Optional.of(component);
        }
        for (JsonNode child : component.path("children")) {
            Optional<JsonNode> found = find(child, id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode page, String id) {
        return node(page, id).orElseThrow().path("text").asText();
    }

    private static ProducerRecord<String, String> interaction(InteractionEvent.Kind kind, String interactionId,
                                                              String ani, InteractionEvent.AgentRef agent) {
        InteractionEvent e = new InteractionEvent(UUID.randomUUID().toString(), kind, interactionId, Instant.now(),
                ani, ani == null ? null : "8005551234", null, null, agent, null);
        return KafkaCloudEvents.toRecord(Topics.INTERACTIONS, new CloudEvent(e.id(), EventTypes.interaction(kind),
                "/test/ivr", interactionId, Instant.now(), EventJson.write(e)), null);
    }

    private static ProducerRecord<String, String> command(String interactionId, AgentCommand.Kind kind,
                                                          String variable, Object value, String component) {
        return command(interactionId, "alex", kind, variable, value, component);
    }

    private static ProducerRecord<String, String> command(String interactionId, String agentId, AgentCommand.Kind kind,
                                                          String variable, Object value, String component) {
        AgentCommand c = new AgentCommand(UUID.randomUUID().toString(), kind, interactionId, agentId, Instant.now(),
                variable, value, component, null);
        return KafkaCloudEvents.toRecord(Topics.AGENT_COMMANDS, new CloudEvent(c.id(), EventTypes.AGENT_COMMAND,
                "/test/gateway", interactionId, Instant.now(), EventJson.write(c)), null);
    }
}
