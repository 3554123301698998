package dev.rapport.script.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.ActionResult;
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
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import dev.rapport.testkit.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The inbound flow's logic on the real broker and database (issue 17): a decision on the caller's services, a data
 * action call answered by a stand-in action-service on 'action-requests'/'action-results' (success copies its
 * outputs into flow variables; no answer takes the timeout path), Set Variable, and a transfer to ACD whose wait is
 * kept in the session and whose failure path runs on a 'routingFailed' event, asking for a callback on
 * 'interaction-commands'.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "sessions"))
@WithTestResource(LoopbackDataTables.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowLogicSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DNIS = "8005551" + (100 + (int) (Math.random() * 800));
    /** The stand-in CRM never answers for this caller. */
    private static final String SILENT_CALLER = "3175550199";
    private static final String HOURS_DNIS = "8005552" + (100 + (int) (Math.random() * 800));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    private final String admin = TestTokens.get().bearer("admin", Roles.ADMIN);
    private FakeActionService crm;
    private FakeTelephony telephony;
    private String groupId;
    private String openId;

    @BeforeEach
    void setUp() {
        if (crm != null) {
            return;
        }
        crm = new FakeActionService(bootstrap, this::crm);
        telephony = new FakeTelephony(bootstrap, c -> null);
        String flow = """
                {"name":"Workshop routing %s","match":{"dnis":["%s"]},"steps":[
                  {"type":"setVariable","name":"Services","expression":"split({{Call.Attributes.Services}}, \\"|\\")"},
                  {"type":"decision","name":"Services contains Insurance",
                   "expression":"contains({{Flow.Services}}, \\"Insurance\\")",
                   "yes":[
                     {"type":"callDataAction","actionId":"crm-case","inputs":{"phone":"{{Call.Ani}}"},
                      "outputs":{"CasePriority":"priority"},"timeoutSeconds":1,
                      "success":[{"type":"setParticipantData","expressions":{"Case Priority":"toString({{Flow.CasePriority}})"}}],
                      "timeout":[{"type":"setParticipantData","attributes":{"Case Check":"timed out"}}]},
                     {"type":"transferToAcd","queueId":"insurance","queueName":"Insurance",
                      "priority":"isSet({{Flow.CasePriority}}) ? {{Flow.CasePriority}} : 1",
                      "skills":["skill-insurance"],"languageId":"lang-en",
                      "failure":[{"type":"requestCallback","queueId":"callbacks","queueName":"Callbacks"}]}],
                   "no":[{"type":"transferToQueue","queueId":"general","queueName":"General"}]}]}
                """.formatted(UUID.randomUUID(), DNIS);
        String flowId = given().header("Authorization", admin).contentType(ContentType.JSON).body(flow)
                .post("/api/v2/flows/inbound").then().statusCode(201).extract().path("id");
        given().header("Authorization", admin).post("/api/v2/flows/inbound/{id}/publish", flowId)
                .then().statusCode(200);

        // Open all day every day; a holiday from yesterday to tomorrow (UTC), so it covers now.
        openId = create("/api/v2/architect/schedules", Map.of("name", "Always " + UUID.randomUUID(),
                "start", "2025-01-01T00:00:00.000", "end", "2025-01-02T00:00:00.000", "rrule", "FREQ=DAILY"));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String holidayId = create("/api/v2/architect/schedules", Map.of("name", "Holiday " + UUID.randomUUID(),
                "start", today.minusDays(1) + "T00:00:00.000", "end", today.plusDays(2) + "T00:00:00.000"));
        groupId = create("/api/v2/architect/schedulegroups", Map.of("name", "Hours " + UUID.randomUUID(),
                "timeZone", "UTC", "openSchedules", List.of(Map.of("id", openId)),
                "holidaySchedules", List.of(Map.of("id", holidayId))));
        String hours = """
                {"name":"Hours %s","match":{"dnis":["%s"]},"steps":[
                  {"type":"evaluateScheduleGroup","scheduleGroupId":"%s",
                   "open":[{"type":"setParticipantData","attributes":{"Hours":"open"}}],
                   "closed":[{"type":"setParticipantData","attributes":{"Hours":"closed"}}],
                   "holiday":[{"type":"setParticipantData","attributes":{"Hours":"holiday"}}]}]}
                """.formatted(UUID.randomUUID(), HOURS_DNIS, groupId);
        String hoursId = given().header("Authorization", admin).contentType(ContentType.JSON).body(hours)
                .post("/api/v2/flows/inbound").then().statusCode(201).extract().path("id");
        given().header("Authorization", admin).post("/api/v2/flows/inbound/{id}/publish", hoursId)
                .then().statusCode(200);
    }

    private String create(String path, Object body) {
        return given().header("Authorization", admin).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(200).extract().path("id");
    }

    @AfterAll
    void tearDown() throws InterruptedException {
        if (crm != null) {
            crm.close();
            telephony.close();
        }
    }

    private ActionResult crm(ActionRequest request) {
        if (!"crm-case".equals(request.actionId()) || SILENT_CALLER.equals(request.inputs().get("phone"))) {
            return null;
        }
        return FakeActionService.success(request, Map.of("priority", 7));
    }

    @Test
    void aDecisionCallsTheDataActionAndItsOutputsSetTheRoutingWhoseFailureRequestsACallback() throws Exception {
        String id = UUID.randomUUID().toString();
        String ani = "31755501" + (10 + (int) (Math.random() * 80));
        send(started(id, ani, "Insurance|Childcare"));

        SessionState queued = awaitSession(id, s -> s.attributes() != null
                && "7".equals(s.attributes().get("Case Priority")) && "queued".equals(s.state()));
        assertThat(queued.queue().id()).isEqualTo("insurance");
        ActionRequest asked = crm.received.stream().filter(r -> id.equals(r.interactionId())).findFirst().orElseThrow();
        assertThat(asked.inputs()).containsEntry("phone", ani);
        assertThat(asked.timeoutSeconds()).isEqualTo(1);
        // The routing the flow asked for, and where it waits, are kept in the session (another instance resumes it).
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(id)).containsEntry("routing_priority", "7")
                .containsEntry("routing_skills", "[\"skill-insurance\"]").containsEntry("routing_language", "lang-en")
                .hasEntrySatisfying("flow_wait", w -> assertThat(w).contains("transferToAcd")));

        send(routingFailed(id, "in-queue timeout"));
        InteractionCommand callback = await().atMost(WAIT).until(() -> telephony.received.stream()
                .filter(c -> id.equals(c.interactionId()) && c.type() == InteractionCommand.Kind.SCHEDULE_CALLBACK)
                .findFirst().orElse(null), Objects::nonNull);
        assertThat(callback.callback().number()).isEqualTo(ani);
        // "As soon as possible" as the Conversations API's callbacks: a time still ahead when the switch gets it (a
        // switch refuses a callback time already past, as the gateway's telephony simulator does).
        assertThat(callback.callback().scheduledAt()).isAfter(Instant.now());
        assertThat(callback.target()).isEqualTo(new InteractionCommand.Target(InteractionCommand.TargetType.QUEUE,
                "callbacks", null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(id).get("flow_wait")).isNull());

        List<String> summaries = summaries(id);
        assertThat(summaries).contains("Decision 'Services contains Insurance': yes",
                "Data action crm-case: success", "Routing failed: in-queue timeout");
        assertThat(summaries).anyMatch(s -> s.startsWith("Set Flow.Services = "));
        assertThat(summaries).anyMatch(s -> s.startsWith("Transfer to ACD queue Insurance (priority 7"));
        assertThat(summaries).anyMatch(s -> s.startsWith("Transfer to ACD queue Insurance failed: in-queue timeout"));
    }

    @Test
    void aDataActionThatDoesNotAnswerInTimeTakesTheTimeoutPathAndConnectedEndsTheWait() throws Exception {
        String id = UUID.randomUUID().toString();
        send(started(id, SILENT_CALLER, "Insurance"));

        SessionState queued = awaitSession(id, s -> s.attributes() != null
                && "timed out".equals(s.attributes().get("Case Check")) && "queued".equals(s.state()));
        assertThat(queued.attributes()).doesNotContainKey("Case Priority");
        assertThat(row(id)).containsEntry("routing_priority", "1");
        assertThat(summaries(id)).contains("Data action crm-case: timeout (no result in time)");

        send(event(InteractionEvent.Kind.CONNECTED, id, new InteractionEvent.AgentRef("alex", "Alex Agent", null)));
        awaitSession(id, s -> "connected".equals(s.state()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(id).get("flow_wait")).isNull());
        assertThat(summaries(id)).contains("Transfer to ACD done: connected to alex; the flow ends");
    }

    @Test
    void callersWithoutTheServiceGoToTheGeneralQueue() {
        String id = UUID.randomUUID().toString();
        send(started(id, "3175550142", "Childcare"));
        SessionState queued = awaitSession(id, s -> s.queue() != null);
        assertThat(queued.queue().id()).isEqualTo("general");
        assertThat(summaries(id)).contains("Decision 'Services contains Insurance': no");
        assertThat(crm.received).noneMatch(r -> id.equals(r.interactionId()));
    }

    @Test
    void theScheduleGroupIsEvaluatedWhenTheStepRunsAndAHolidayWinsOverOpen() {
        String first = UUID.randomUUID().toString();
        send(startedTo(first, HOURS_DNIS));
        awaitSession(first, s -> s.attributes() != null && "holiday".equals(s.attributes().get("Hours")));

        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Hours " + UUID.randomUUID(), "timeZone", "UTC",
                        "openSchedules", List.of(Map.of("id", openId))))
                .put("/api/v2/architect/schedulegroups/{id}", groupId).then().statusCode(200);
        String second = UUID.randomUUID().toString();
        send(startedTo(second, HOURS_DNIS));
        awaitSession(second, s -> s.attributes() != null && "open".equals(s.attributes().get("Hours")));
        assertThat(summaries(second)).contains("Schedule group " + groupId + ": open");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private Map<String, String> row(String interactionId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT "
                + "routing_priority, routing_skills::text, routing_language, flow_wait::text FROM agent_session "
                + "WHERE interaction_id = ?")) {
            ps.setString(1, interactionId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a session for " + interactionId).isTrue();
                Map<String, String> out = new java.util.HashMap<>();
                out.put("routing_priority", rs.getString(1));
                out.put("routing_skills", rs.getString(2).replace(" ", ""));
                out.put("routing_language", rs.getString(3));
                out.put("flow_wait", rs.getString(4));
                return out;
            }
        }
    }

    private List<String> summaries(String interactionId) {
        return given().header("Authorization", admin).queryParam("pageSize", 200)
                .get("/api/v2/interactions/{id}/timeline", interactionId)
                .then().statusCode(200).extract().jsonPath().getList("entities.summary", String.class);
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

    private void send(org.apache.kafka.clients.producer.ProducerRecord<String, String> record) {
        new TopicProbe(bootstrap).send(record);
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, String> started(String id, String ani,
                                                                                           String services) {
        return record(new InteractionEvent(UUID.randomUUID().toString(), InteractionEvent.Kind.STARTED, id,
                Instant.now(), ani, DNIS, Map.of("Services", services), null, null, null));
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, String> startedTo(String id, String dnis) {
        return record(new InteractionEvent(UUID.randomUUID().toString(), InteractionEvent.Kind.STARTED, id,
                Instant.now(), "3175550177", dnis, Map.of(), null, null, null));
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, String> routingFailed(String id,
                                                                                                 String reason) {
        return record(new InteractionEvent(UUID.randomUUID().toString(), InteractionEvent.Kind.ROUTING_FAILED, id,
                Instant.now(), null, null, null, null, null, reason));
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, String> event(InteractionEvent.Kind kind,
                                                                                         String id,
                                                                                         InteractionEvent.AgentRef a) {
        return record(new InteractionEvent(UUID.randomUUID().toString(), kind, id, Instant.now(), null, null, null,
                null, a, null));
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, String> record(InteractionEvent e) {
        return KafkaCloudEvents.toRecord(Topics.INTERACTIONS, new CloudEvent(e.id(), EventTypes.interaction(e.type()),
                "/test/ivr", e.interactionId(), Instant.now(), EventJson.write(e)), null);
    }
}
