package dev.rapport.script.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Roles;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.CustomAction;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.Step;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableType;
import dev.rapport.script.scripts.ScriptFormat;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Interaction actions and wrap-up on the real broker and database: a script's transfer, callback or delay goes out
 * on 'interaction-commands' through the outbox and its run ends on the answer on 'interactions' (or fails when none
 * comes); the agent's End disconnects, and the required wrap-up is enforced before it is done.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
@WithTestResource(LoopbackDataTables.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteractionCommandsSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DNIS = "8005550" + (100 + (int) (Math.random() * 800));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final String admin = TestTokens.get().bearer("admin", Roles.ADMIN);
    private FakeTelephony telephony;
    private String resolvedCode;

    @BeforeEach
    void setUp() {
        if (telephony != null) {
            return;
        }
        telephony = new FakeTelephony(bootstrap, this::answer);
        String scriptId = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(ScriptFormat.write(script())).post("/api/v2/scripts").then().statusCode(201).extract().path("id");
        given().header("Authorization", admin).post("/api/v2/scripts/{id}/publish", scriptId)
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
        String flow = """
                {"name":"Shift %s","match":{"dnis":["%s"]},"steps":[
                  {"type":"screenPop","scriptId":"%s","inputs":{}},
                  {"type":"transferToQueue","queueId":"general","queueName":"General"}]}
                """.formatted(UUID.randomUUID(), DNIS, scriptId);
        String flowId = given().header("Authorization", admin).contentType(ContentType.JSON).body(flow)
                .post("/api/v2/flows/inbound").then().statusCode(201).extract().path("id");
        given().header("Authorization", admin).post("/api/v2/flows/inbound/{id}/publish", flowId)
                .then().statusCode(200);
        resolvedCode = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Resolved " + UUID.randomUUID())).post("/api/v2/routing/wrapupcodes")
                .then().statusCode(200).extract().path("id");
    }

    @AfterAll
    void tearDown() throws InterruptedException {
        if (telephony != null) {
            telephony.close();
        }
    }

    /** The telephony side: does what it is asked, but a queue named "closed" fails and "silent" never answers. */
    private InteractionEvent answer(InteractionCommand c) {
        String id = UUID.randomUUID().toString();
        return switch (c.type()) {
            case BLIND_TRANSFER, CONSULT_TRANSFER -> switch (c.target().id()) {
                case "closed" -> InteractionEvent.answer(id, InteractionEvent.Kind.COMMAND_FAILED, c.interactionId(),
                        c.commandId(), null, null, null, null, "queue closed is closed");
                case "silent" -> null;
                default -> InteractionEvent.answer(id, InteractionEvent.Kind.TRANSFERRED, c.interactionId(),
                        c.commandId(), new InteractionEvent.QueueRef(c.target().id(), "Billing"), null, null, null,
                        null);
            };
            case SCHEDULE_CALLBACK -> InteractionEvent.answer(id, InteractionEvent.Kind.CALLBACK_SCHEDULED,
                    c.interactionId(), c.commandId(), null, null, null, new InteractionEvent.CallbackRef("cb-" + id,
                            c.callback().number(), c.callback().scheduledAt()), null);
            case DISCONNECT -> InteractionEvent.answer(id, InteractionEvent.Kind.ENDED, c.interactionId(),
                    c.commandId(), null, null, null, null, "agent disconnected");
            case WRAPUP -> null;
        };
    }

    static ScriptDefinition script() {
        Component root = new Component.VerticalContainer("root", null, null, List.of(
                new Component.TextInput("queue", null, "Queue", null, false, null, null),
                new Component.TextInput("number", null, "Callback Number", null, false, null, null),
                new Component.TextInput("time", null, "Callback Time", null, false, null, null),
                new Component.Button("transfer", null, "Transfer", "Transfer"),
                new Component.Button("callback", null, "Callback", "Callback"),
                new Component.Button("wait", null, "Wait", "Wait")));
        return new ScriptDefinition("Shift " + UUID.randomUUID(), null, null, "p1",
                List.of(new Page("p1", "Start", null, root)),
                List.of(Variable.basic("Queue", VariableType.STRING),
                        Variable.basic("Callback Number", VariableType.STRING),
                        Variable.basic("Callback Time", VariableType.STRING)),
                List.of(new CustomAction("Transfer", null, List.of(
                                new Step.Transfer(Step.TransferMode.blind, Step.TargetType.queue, "{{Queue}}"))),
                        new CustomAction("Callback", null, List.of(
                                new Step.ScheduleCallback("{{Callback Number}}", "{{Callback Time}}"),
                                new Step.InfoBanner("Callback booked for {{Callback Number}}", "success"))),
                        new CustomAction("Wait", null, List.of(new Step.Delay(1), new Step.Alert("Waited")))),
                null, true, true);
    }

    @Test
    void aTransferGoesOutThroughTheOutboxAndItsRunSucceedsOnTheAnswer() {
        String id = connectedCall();
        send(command(id, "alex", AgentCommand.Kind.SET_VARIABLE, "Queue", "billing"));
        send(command(id, "alex", AgentCommand.Kind.CLICK, null, "Transfer"));

        SessionState transferred = awaitSession(id, s -> "queued".equals(s.state()) && run(s, "succeeded"));
        assertThat(transferred.queue().id()).isEqualTo("billing");
        assertThat(transferred.agent()).isNull();
        assertThat(transferred.wrapup()).isEqualTo(new SessionState.Wrapup("alex", "pending", true, true, null, null,
                null, null));
        assertThat(alerts(id)).contains("success: Transferred to queue Billing");
        InteractionCommand sent = received(id, InteractionCommand.Kind.BLIND_TRANSFER);
        assertThat(sent.target()).isEqualTo(
                new InteractionCommand.Target(InteractionCommand.TargetType.QUEUE, "billing", null));
        assertThat(sent.agentId()).isEqualTo("alex");
        assertThat(timeline(id)).contains("command.sent", "interaction.transferred", "command.answered",
                "wrapup.pending", "run.completed");
    }

    @Test
    void aCallbackIsScheduledAndAFailedOrUnansweredTransferFailsItsRunVisibly() {
        String id = connectedCall();
        Instant at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        send(command(id, "alex", AgentCommand.Kind.SET_VARIABLE, "Callback Number", "+1 555 0100"));
        send(command(id, "alex", AgentCommand.Kind.SET_VARIABLE, "Callback Time", at.toString()));
        send(command(id, "alex", AgentCommand.Kind.CLICK, null, "Callback"));

        SessionState booked = awaitSession(id, s -> run(s, "succeeded"));
        assertThat(booked.page().path("banner").path("message").asText()).isEqualTo("Callback booked for +1 555 0100");
        assertThat(alerts(id)).contains("success: Callback scheduled for " + at + " to +1 555 0100");
        assertThat(received(id, InteractionCommand.Kind.SCHEDULE_CALLBACK).callback())
                .isEqualTo(new InteractionCommand.Callback("+1 555 0100", at));

        send(command(id, "alex", AgentCommand.Kind.SET_VARIABLE, "Queue", "closed"));
        send(command(id, "alex", AgentCommand.Kind.CLICK, null, "Transfer"));
        SessionState refused = awaitSession(id, s -> s.actions() != null && s.actions().stream()
                .anyMatch(r -> "failed".equals(r.status()) && r.error().contains("queue closed is closed")));
        assertThat(refused.state()).isEqualTo("connected");
        assertThat(alerts(id)).contains("error: Not done: blindTransfer: queue closed is closed");

        send(command(id, "alex", AgentCommand.Kind.SET_VARIABLE, "Queue", "silent"));
        send(command(id, "alex", AgentCommand.Kind.CLICK, null, "Transfer"));
        awaitSession(id, s -> s.actions() != null && s.actions().stream()
                .anyMatch(r -> "failed".equals(r.status()) && r.error().contains("no answer from the telephony side")));
        assertThat(timeline(id)).contains("command.failed", "command.timeout");
    }

    @Test
    void aDelayGoesOnLaterThroughTheTimeoutScan() {
        String id = connectedCall();
        send(command(id, "alex", AgentCommand.Kind.CLICK, null, "Wait"));
        awaitSession(id, s -> run(s, "running"));
        SessionState waited = awaitSession(id, s -> run(s, "succeeded"));
        assertThat(alerts(id)).contains("info: Waited");
        assertThat(waited.state()).isEqualTo("connected");
        assertThat(timeline(id)).contains("run.delay", "run.delayed");
    }

    @Test
    void theAgentsEndDisconnectsAndTheRequiredWrapUpIsEnforced() {
        String id = connectedCall();
        send(command(id, "alex", AgentCommand.Kind.DISCONNECT, null, null));

        SessionState ended = awaitSession(id, s -> "ended".equals(s.state()));
        assertThat(ended.wrapup().pending()).isTrue();
        assertThat(ended.wrapup().notesRequired()).isTrue();
        assertThat(received(id, InteractionCommand.Kind.DISCONNECT).agentId()).isEqualTo("alex");

        send(wrapUp(id, "alex", UUID.randomUUID().toString(), "Sorted"));
        send(wrapUp(id, "alex", resolvedCode, " "));
        send(wrapUp(id, "mallory", resolvedCode, "Forged"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(alerts(id)).contains(
                "error: Not done: Notes are required to wrap up this interaction",
                "error: Not done: No wrap-up of this interaction is pending for mallory")
                .anyMatch(a -> a.startsWith("error: Not done: '") && a.endsWith("' is not a wrap-up code")));
        assertThat(sessions(id).get(sessions(id).size() - 1).wrapup().pending()).isTrue();

        send(wrapUp(id, "alex", resolvedCode, "Customer sorted; call back Monday"));
        SessionState done = awaitSession(id, s -> s.wrapup() != null && "done".equals(s.wrapup().status()));
        assertThat(done.wrapup().code()).isEqualTo(resolvedCode);
        assertThat(done.wrapup().notes()).isEqualTo("Customer sorted; call back Monday");
        assertThat(done.attributes()).containsEntry("Wrap-up Code", done.wrapup().codeName())
                .containsEntry("Wrap-up Notes", "Customer sorted; call back Monday");
        InteractionCommand record = await().atMost(WAIT).until(() -> telephony.received.stream()
                .filter(c -> id.equals(c.interactionId()) && c.type() == InteractionCommand.Kind.WRAPUP)
                .findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(record.wrapup()).isEqualTo(new InteractionCommand.Wrapup(resolvedCode, done.wrapup().codeName(),
                "Customer sorted; call back Monday"));
        given().header("Authorization", admin).get("/api/v2/interactions/{id}/participantdata", id)
                .then().statusCode(200).body("'Wrap-up Code'", org.hamcrest.Matchers.startsWith("Resolved"));
        assertThat(timeline(id)).contains("command.disconnect", "interaction.ended", "wrapup.pending",
                "command.refused", "wrapup.done");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private String connectedCall() {
        String id = UUID.randomUUID().toString();
        send(event(InteractionEvent.Kind.STARTED, id, null));
        awaitSession(id, s -> s.script() != null);
        send(event(InteractionEvent.Kind.CONNECTED, id, new InteractionEvent.AgentRef("alex", "Alex Agent", null)));
        awaitSession(id, s -> "connected".equals(s.state()));
        return id;
    }

    private static boolean run(SessionState s, String status) {
        return s.actions() != null && s.actions().stream().anyMatch(r -> status.equals(r.status()));
    }

    private InteractionCommand received(String interactionId, InteractionCommand.Kind kind) {
        return telephony.received.stream().filter(c -> interactionId.equals(c.interactionId()) && c.type() == kind)
                .findFirst().orElseThrow();
    }

    private List<String> alerts(String interactionId) {
        List<String> out = new ArrayList<>();
        sessions(interactionId).forEach(s -> {
            if (s.alerts() != null) {
                s.alerts().forEach(a -> out.add(a.level() + ": " + a.message()));
            }
        });
        return out;
    }

    private List<String> timeline(String interactionId) {
        return given().header("Authorization", admin).get("/api/v2/interactions/{id}/timeline", interactionId)
                .then().statusCode(200).extract().jsonPath().getList("entities.kind", String.class);
    }

    private List<SessionState> sessions(String interactionId) {
        List<SessionState> seen = new ArrayList<>();
        for (ConsumerRecord<String, String> r : new TopicProbe(bootstrap).read(Topics.SESSIONS,
                r -> interactionId.equals(r.key()) && r.value() != null, Integer.MAX_VALUE, Duration.ofMillis(1500),
                Duration.ZERO)) {
            seen.add(EventSchemas.SESSION_UPDATED.parse(KafkaCloudEvents.fromRecord(r).data(), SessionState.class));
        }
        return seen;
    }

    private SessionState awaitSession(String interactionId, Predicate<SessionState> wanted) {
        List<SessionState> seen = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            seen.clear();
            seen.addAll(sessions(interactionId));
            return seen.stream().anyMatch(wanted);
        });
        return seen.stream().filter(wanted).reduce((a, b) -> b).orElseThrow();
    }

    private void send(ProducerRecord<String, String> record) {
        new TopicProbe(bootstrap).send(record);
    }

    private static ProducerRecord<String, String> event(InteractionEvent.Kind kind, String id,
                                                        InteractionEvent.AgentRef agent) {
        InteractionEvent e = new InteractionEvent(UUID.randomUUID().toString(), kind, id, Instant.now(),
                kind == InteractionEvent.Kind.STARTED ? "7204276664" : null,
                kind == InteractionEvent.Kind.STARTED ? DNIS : null, null, null, agent, null);
        return KafkaCloudEvents.toRecord(Topics.INTERACTIONS, new CloudEvent(e.id(), EventTypes.interaction(kind),
                "/test/ivr", id, Instant.now(), EventJson.write(e)), null);
    }

    private static ProducerRecord<String, String> command(String id, String agent, AgentCommand.Kind kind,
                                                          String variable, Object valueOrComponent) {
        boolean click = kind == AgentCommand.Kind.CLICK;
        AgentCommand c = new AgentCommand(UUID.randomUUID().toString(), kind, id, agent, Instant.now(), variable,
                click ? null : valueOrComponent, click ? (String) valueOrComponent : null, null);
        return record(c);
    }

    private static ProducerRecord<String, String> wrapUp(String id, String agent, String code, String notes) {
        return record(new AgentCommand(UUID.randomUUID().toString(), AgentCommand.Kind.WRAP_UP, id, agent,
                Instant.now(), null, null, null, null, code, notes));
    }

    private static ProducerRecord<String, String> record(AgentCommand c) {
        return KafkaCloudEvents.toRecord(Topics.AGENT_COMMANDS, new CloudEvent(c.id(), EventTypes.AGENT_COMMAND,
                "/test/gateway", c.interactionId(), Instant.now(), EventSchemas.AGENT_COMMAND.write(c)), null);
    }
}
