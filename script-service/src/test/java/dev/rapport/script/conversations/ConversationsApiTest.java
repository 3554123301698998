package dev.rapport.script.conversations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Roles;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Genesys's Conversations API over interactions the session core recorded from real events on the real broker:
 * the shapes, what each write sends (an attributesSet event, a disconnect or scheduleCallback command, through the
 * outbox), the tag, 400s naming the field, 404s, and who may do what (an agent on their own calls, supervisors read).
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class ConversationsApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final String admin = TestTokens.get().bearer("admin", Roles.ADMIN);
    private final String service = TestTokens.get().bearer("action-service", Roles.SERVICE);
    private final String alex = TestTokens.get().bearer("alex", Roles.AGENT);
    private final String bob = TestTokens.get().bearer("bob", Roles.AGENT);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aLiveCallReadsAsAGenesysConversation() {
        String id = liveCall("alex");

        JsonPath c = given().header("Authorization", service).get("/api/v2/conversations/{id}", id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(c.getString("id")).isEqualTo(id);
        assertThat(c.getString("selfUri")).isEqualTo("/api/v2/conversations/" + id);
        assertThat(c.getString("startTime")).isNotBlank();
        Map<String, Object> customer = participant(c, "customer");
        assertThat(customer).containsEntry("ani", "tel:+17204276664").containsEntry("dnis", "tel:8005550100")
                .containsEntry("participantType", "External");
        assertThat(c.getString("participants.find { it.purpose == 'customer' }.attributes.Reason"))
                .isEqualTo("billing");
        assertThat(c.getString("participants.find { it.purpose == 'customer' }.calls[0].state"))
                .isEqualTo("connected");
        Map<String, Object> acd = participant(c, "acd");
        assertThat(acd).containsEntry("queueId", "q-billing").containsEntry("queueName", "Billing");
        assertThat(c.getString("participants.find { it.purpose == 'acd' }.conversationRoutingData.queue.id"))
                .isEqualTo("q-billing");
        assertThat(c.getString("participants.find { it.purpose == 'acd' }.calls[0].state")).isEqualTo("disconnected");
        Map<String, Object> agent = participant(c, "agent");
        assertThat(agent).containsEntry("userId", "alex").containsEntry("name", "Alex Agent");
        assertThat(c.getString("participants.find { it.purpose == 'agent' }.calls[0].state")).isEqualTo("connected");
        // the same ids on every read: a data action reads them, then patches one
        assertThat(given().header("Authorization", admin).get("/api/v2/conversations/{id}", id).then()
                .extract().jsonPath().getList("participants.id")).isEqualTo(c.getList("participants.id"));
    }

    @Test
    void participantDataGoesToTheSessionCoreAsAnAttributesSetEvent() {
        String id = liveCall("alex");
        String customer = participantId(id, "customer");

        given().header("Authorization", service).contentType(ContentType.JSON)
                .body(Map.of("attributes", Map.of("Sentiment", "negative", "Score", 3)))
                .patch("/api/v2/conversations/{id}/participants/{p}/attributes", id, customer)
                .then().statusCode(202);

        List<ConsumerRecord<String, String>> events = new TopicProbe(bootstrap).read(Topics.INTERACTIONS,
                r -> id.equals(r.key()) && r.value().contains("attributesSet"), 1, WAIT, Duration.ZERO);
        assertThat(events).hasSize(1);
        InteractionEvent event = EventSchemas.INTERACTION_EVENT.parse(KafkaCloudEvents.fromRecord(events.get(0))
                .data(), InteractionEvent.class);
        assertThat(event.attributes()).isEqualTo(Map.of("Sentiment", "negative", "Score", "3"));
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", admin)
                .get("/api/v2/interactions/{id}/participantdata", id).then().statusCode(200)
                .body("Sentiment", equalTo("negative")).body("Reason", equalTo("billing")));
        given().header("Authorization", alex).get("/api/v2/conversations/{id}", id).then().statusCode(200)
                .body("participants.find { it.purpose == 'agent' }.attributes.Sentiment", equalTo("negative"));
        // the agent connected to it may patch too, naming any participant of it
        given().header("Authorization", alex).contentType(ContentType.JSON)
                .body(Map.of("attributes", Map.of("Checked", "yes")))
                .patch("/api/v2/conversations/{id}/participants/{p}/attributes", id, participantId(id, "agent/alex"))
                .then().statusCode(202);
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", admin)
                .get("/api/v2/interactions/{id}/participantdata", id).then().body("Checked", equalTo("yes")));
    }

    @Test
    void badInputIsA400NamingTheField() {
        String id = liveCall("alex");
        String customer = participantId(id, "customer");
        String path = "/api/v2/conversations/{id}/participants/{p}/attributes";
        field(given().header("Authorization", admin).contentType(ContentType.JSON).body("{}").patch(path, id,
                customer).then().statusCode(400).extract().jsonPath(), "attributes");
        field(given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("attributes", Map.of("Nested", Map.of("a", "b")))).patch(path, id, customer).then()
                .statusCode(400).extract().jsonPath(), "attributes.Nested");
        field(given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("attributes", Map.of("Long", "x".repeat(ParticipantData.MAX_VALUE + 1))))
                .patch(path, id, customer).then().statusCode(400).extract().jsonPath(), "attributes.Long");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= ParticipantData.MAX_ATTRIBUTES; i++) {
            many.put("a" + i, "v");
        }
        field(given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("attributes", many))
                .patch(path, id, customer).then().statusCode(400).extract().jsonPath(), "attributes");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("attributes", Map.of("a", "b"))).patch(path, id, "not-a-participant").then()
                .statusCode(404).body("code", equalTo("not.found"));

        field(given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"ConversationID\":\"x\"}")
                .put("/api/v2/conversations/{id}/tags", id).then().statusCode(400).extract().jsonPath(),
                "externalTag");
        field(given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("externalTag", "t".repeat(ConversationService.MAX_TAG + 1)))
                .put("/api/v2/conversations/{id}/tags", id).then().statusCode(400).extract().jsonPath(),
                "externalTag");

        String callbacks = "/api/v2/conversations/callbacks";
        field(post(callbacks, Map.of("queueId", "q")).statusCode(400).extract().jsonPath(), "callbackNumbers");
        field(post(callbacks, Map.of("queueId", "q", "callbackNumbers", List.of("+1 555", "call me")))
                .statusCode(400).extract().jsonPath(), "callbackNumbers[1]");
        field(post(callbacks, Map.of("callbackNumbers", List.of("+15550100"))).statusCode(400).extract()
                .jsonPath(), "queueId");
        field(post(callbacks, Map.of("callbackNumbers", List.of("+15550100"), "queueId", "q",
                "callbackScheduledTime", "tomorrow")).statusCode(400).extract().jsonPath(), "callbackScheduledTime");
        field(post(callbacks, Map.of("callbackNumbers", List.of("+15550100"), "queueId", "q",
                "callbackScheduledTime", "2020-01-01T00:00:00.000Z")).statusCode(400).extract().jsonPath(),
                "callbackScheduledTime");
        field(post(callbacks, Map.of("callbackNumbers", List.of("+15550100"), "queueId", "q",
                "routingData", Map.of("priority", "high"))).statusCode(400).extract().jsonPath(),
                "routingData.priority");
        field(post(callbacks, Map.of("callbackNumbers", List.of("+15550100"), "queueId", "q",
                "data", Map.of("x", List.of()))).statusCode(400).extract().jsonPath(), "data.x");
    }

    @Test
    void anUnknownConversationIsA404InGenesysShape() {
        given().header("Authorization", admin).get("/api/v2/conversations/{id}", "no-such-conversation").then()
                .statusCode(404).body("code", equalTo("not.found")).body("status", equalTo(404))
                .body("message", equalTo("Conversation no-such-conversation not found"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{}")
                .post("/api/v2/conversations/{id}/disconnect", "no-such-conversation").then().statusCode(404);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("externalTag", "x"))
                .put("/api/v2/conversations/{id}/tags", "x".repeat(300)).then().statusCode(404);
        // an interaction is not a callback
        given().header("Authorization", admin).get("/api/v2/conversations/callbacks/{id}", liveCall("alex")).then()
                .statusCode(404).body("code", equalTo("not.found"));
    }

    @Test
    void anAgentReachesOnlyTheInteractionsTheyAreConnectedTo() {
        String id = liveCall("alex");
        given().header("Authorization", alex).get("/api/v2/conversations/{id}", id).then().statusCode(200);
        given().header("Authorization", bob).get("/api/v2/conversations/{id}", id).then().statusCode(403)
                .body("code", equalTo("missing.any.permissions"));
        given().header("Authorization", bob).contentType(ContentType.JSON).body(Map.of("externalTag", "x"))
                .put("/api/v2/conversations/{id}/tags", id).then().statusCode(403);
        given().header("Authorization", bob).contentType(ContentType.JSON).body("{}")
                .post("/api/v2/conversations/{id}/disconnect", id).then().statusCode(403);
        given().header("Authorization", bob).contentType(ContentType.JSON)
                .body(Map.of("attributes", Map.of("a", "b")))
                .patch("/api/v2/conversations/{id}/participants/{p}/attributes", id, participantId(id, "customer"))
                .then().statusCode(403);
        given().header("Authorization", alex).contentType(ContentType.JSON)
                .body(Map.of("callbackNumbers", List.of("+15550100"), "queueId", "q"))
                .post("/api/v2/conversations/callbacks").then().statusCode(403);
        given().header("Authorization", TestTokens.get().bearer("ivr", Roles.IVR))
                .get("/api/v2/conversations/{id}", id).then().statusCode(403);
        given().get("/api/v2/conversations/{id}", id).then().statusCode(401);
        // supervisors read every conversation and act on none
        String sue = TestTokens.get().bearer("sue", Roles.SUPERVISOR);
        given().header("Authorization", sue).get("/api/v2/conversations/{id}", id).then().statusCode(200);
        given().header("Authorization", sue).contentType(ContentType.JSON).body("{}")
                .post("/api/v2/conversations/{id}/disconnect", id).then().statusCode(403);
        given().header("Authorization", sue).contentType(ContentType.JSON).body(Map.of("externalTag", "x"))
                .put("/api/v2/conversations/{id}/tags", id).then().statusCode(403);
        given().header("Authorization", sue).contentType(ContentType.JSON)
                .body(Map.of("attributes", Map.of("a", "b")))
                .patch("/api/v2/conversations/{id}/participants/{p}/attributes", id, participantId(id, "customer"))
                .then().statusCode(403);
        given().header("Authorization", sue).contentType(ContentType.JSON)
                .body(Map.of("callbackNumbers", List.of("+15550100"), "queueId", "q"))
                .post("/api/v2/conversations/callbacks").then().statusCode(403);
    }

    @Test
    void disconnectAsksTheTelephonySideOnTheCommandsTopic() {
        String id = liveCall("alex");
        given().header("Authorization", alex).contentType(ContentType.JSON).body(Map.of("conversationId", id))
                .post("/api/v2/conversations/{id}/disconnect", id).then().statusCode(202);

        List<ConsumerRecord<String, String>> commands = new TopicProbe(bootstrap).read(Topics.INTERACTION_COMMANDS,
                r -> id.equals(r.key()), 1, WAIT, Duration.ofSeconds(1));
        assertThat(commands).hasSize(1);
        InteractionCommand command = EventSchemas.INTERACTION_COMMAND.parse(
                KafkaCloudEvents.fromRecord(commands.get(0)).data(), InteractionCommand.class);
        assertThat(command.type()).isEqualTo(InteractionCommand.Kind.DISCONNECT);
        assertThat(command.agentId()).isEqualTo("alex");
        given().header("Authorization", admin).get("/api/v2/interactions/{id}/timeline", id).then()
                .body("entities.kind", hasItem("command.sent"));

        // the telephony side's answer ends it; a second disconnect then asks nothing
        send(InteractionEvent.answer(UUID.randomUUID().toString(), InteractionEvent.Kind.ENDED, id,
                command.commandId(), null, null, null, null, "disconnected"));
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", admin)
                .get("/api/v2/conversations/{id}", id).then()
                .body("participants.find { it.purpose == 'customer' }.calls[0].state", equalTo("disconnected")));
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{}")
                .post("/api/v2/conversations/{id}/disconnect", id).then().statusCode(202);
        assertThat(new TopicProbe(bootstrap).read(Topics.INTERACTION_COMMANDS, r -> id.equals(r.key()), 2,
                Duration.ofSeconds(3), Duration.ZERO)).hasSize(1);
    }

    @Test
    void theExternalTagIsStoredAndShown() {
        String id = liveCall("alex");
        given().header("Authorization", service).contentType(ContentType.JSON)
                .body(Map.of("ConversationID", id, "externalTag", "negative-sentiment"))
                .put("/api/v2/conversations/{id}/tags", id).then().statusCode(202);
        given().header("Authorization", admin).get("/api/v2/conversations/{id}", id).then()
                .body("externalTag", equalTo("negative-sentiment"));
        given().header("Authorization", service).contentType(ContentType.JSON).body(Map.of("externalTag", ""))
                .put("/api/v2/conversations/{id}/tags", id).then().statusCode(202);
        given().header("Authorization", admin).get("/api/v2/conversations/{id}", id).then()
                .body("externalTag", nullValue());
    }

    @Test
    void aCallbackIsAConversationOfItsOwnAskedOfTheTelephonySide() {
        String at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonPath created = post("/api/v2/conversations/callbacks", Map.of("callbackNumbers", List.of("+1 555 0100"),
                "callbackScheduledTime", at, "scriptId", "", "callbackUserName", "Jane Doe",
                "routingData", Map.of("queueId", "q-callbacks", "priority", 5),
                "data", Map.of("Reason", "negative sentiment"))).statusCode(200).extract().jsonPath();
        String id = created.getString("conversation.id");
        assertThat(created.getString("conversation.selfUri")).isEqualTo("/api/v2/conversations/callbacks/" + id);
        assertThat(created.getString("callbackIdentifiers[0].id")).isEqualTo(id);

        List<ConsumerRecord<String, String>> commands = new TopicProbe(bootstrap).read(Topics.INTERACTION_COMMANDS,
                r -> id.equals(r.key()), 1, WAIT, Duration.ZERO);
        assertThat(commands).hasSize(1);
        InteractionCommand command = EventSchemas.INTERACTION_COMMAND.parse(
                KafkaCloudEvents.fromRecord(commands.get(0)).data(), InteractionCommand.class);
        assertThat(command.type()).isEqualTo(InteractionCommand.Kind.SCHEDULE_CALLBACK);
        assertThat(command.callback()).isEqualTo(new InteractionCommand.Callback("+1 555 0100", Instant.parse(at)));

        JsonPath callback = given().header("Authorization", service).get("/api/v2/conversations/callbacks/{id}", id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(callback.getString("participants.find { it.purpose == 'acd' }.conversationRoutingData.priority"))
                .isEqualTo("5");
        assertThat(callback.getString("participants.find { it.purpose == 'acd' }.queue.id")).isEqualTo("q-callbacks");
        assertThat(callback.getList("participants.find { it.purpose == 'customer' }.callbackNumbers"))
                .containsExactly("+1 555 0100");
        assertThat(callback.getString("participants.find { it.purpose == 'customer' }.state")).isEqualTo("scheduled");
        assertThat(callback.getString("participants.find { it.purpose == 'customer' }.attributes.Reason"))
                .isEqualTo("negative sentiment");
        JsonPath conversation = given().header("Authorization", service).get("/api/v2/conversations/{id}", id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(conversation.getString("participants[0].callbacks[0].state")).isEqualTo("scheduled");

        // participant data of a callback not placed yet is its own
        given().header("Authorization", service).contentType(ContentType.JSON)
                .body(Map.of("attributes", Map.of("Tier", "gold")))
                .patch("/api/v2/conversations/{id}/participants/{p}/attributes", id,
                        conversation.getString("participants[1].id")).then().statusCode(202);
        given().header("Authorization", admin).get("/api/v2/conversations/callbacks/{id}", id).then()
                .body("participants[0].attributes.Tier", equalTo("gold"))
                .body("participants[0].attributes.Reason", equalTo("negative sentiment"));

        // the telephony side refuses it: the callback reads as disconnected
        send(InteractionEvent.answer(UUID.randomUUID().toString(), InteractionEvent.Kind.COMMAND_FAILED, id,
                command.commandId(), null, null, null, null, "no trunk"));
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", admin)
                .get("/api/v2/conversations/{id}", id).then()
                .body("participants[0].callbacks[0].state", equalTo("disconnected")));
        // Recorded on its timeline, but never shown as a call: no session state for an id that never started.
        assertThat(new TopicProbe(bootstrap).read(Topics.SESSIONS, r -> id.equals(r.key()), 1,
                Duration.ofSeconds(3), Duration.ZERO)).as("sessions published for a callback not placed").isEmpty();
    }

    @Test
    void aCallbackAskedForAsSoonAsPossibleIsScheduledAMinuteLater() {
        Instant before = Instant.now();
        String id = post("/api/v2/conversations/callbacks", Map.of("callbackNumbers", List.of("5550100"),
                "queueId", "q-asap")).statusCode(200).extract().path("conversation.id");
        InteractionCommand command = EventSchemas.INTERACTION_COMMAND.parse(KafkaCloudEvents.fromRecord(
                new TopicProbe(bootstrap).read(Topics.INTERACTION_COMMANDS, r -> id.equals(r.key()), 1, WAIT,
                        Duration.ZERO).get(0)).data(), InteractionCommand.class);
        assertThat(command.callback().scheduledAt()).isBetween(before.plusSeconds(59), Instant.now().plusSeconds(61));
        given().header("Authorization", admin).get("/api/v2/conversations/callbacks/{id}", id).then()
                .body("participants[1].conversationRoutingData.priority", equalTo(0))
                .body("participants[1].queue.id", equalTo("q-asap"));
    }

    @Test
    void theDetailsShowATransferToAnOutsideNumberAsAnExternalOutboundLeg() {
        String id = liveCall("alex");
        String details = "/api/v2/analytics/conversations/{id}/details";
        JsonPath before = given().header("Authorization", service).get(details, id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(before.getString("conversationId")).isEqualTo(id);
        assertThat(before.getString("originatingDirection")).isEqualTo("inbound");
        assertThat(before.getString("conversationStart")).isNotBlank();
        assertThat(before.getString("conversationEnd")).isNull();
        assertThat(before.getList("participants.purpose")).containsExactly("customer", "acd", "agent");
        assertThat(before.getList("participants.findAll { it.purpose == 'external' }")).isEmpty();
        assertThat(before.getString("participants.find { it.purpose == 'customer' }.sessions[0].ani"))
                .isEqualTo("tel:+17204276664");
        assertThat(before.getString("participants.find { it.purpose == 'customer' }.sessions[0].mediaType"))
                .isEqualTo("voice");
        assertThat(before.getString("participants.find { it.purpose == 'acd' }.sessions[0].segments[0].queueId"))
                .isEqualTo("q-billing");
        assertThat(before.getString("participants.find { it.purpose == 'agent' }.userId")).isEqualTo("alex");
        assertThat(before.getString("participants.find { it.purpose == 'agent' }.participantId"))
                .isEqualTo(participantId(id, "agent/alex"));
        // the queue's segment ended when alex connected, alex's is open
        assertThat(before.getString("participants.find { it.purpose == 'acd' }.sessions[0].segments[0].segmentEnd"))
                .isNotBlank();
        assertThat(before.getString("participants.find { it.purpose == 'agent' }.sessions[0].segments[0].segmentEnd"))
                .isNull();

        send(new InteractionEvent(UUID.randomUUID().toString(), InteractionEvent.Kind.TRANSFERRED, id, Instant.now(),
                null, null, null, null, null, null, null, null, "+13175550123", null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().header("Authorization", service).get(details, id)
                .then().statusCode(200).extract().jsonPath()
                .getList("participants.findAll { it.purpose == 'external' }")).hasSize(1));
        JsonPath after = given().header("Authorization", admin).get(details, id).then().extract().jsonPath();
        assertThat(after.getList("participants.purpose")).containsExactly("customer", "acd", "agent", "external");
        Map<String, Object> leg = after.getMap("participants.find { it.purpose == 'external' }.sessions[0]");
        assertThat(leg).containsEntry("direction", "outbound").containsEntry("dnis", "tel:+13175550123")
                .containsEntry("mediaType", "voice");
        assertThat(after.getString("participants.find { it.purpose == 'agent' }.sessions[0].segments[0]"
                + ".disconnectType")).isEqualTo("transfer");
        assertThat(after.getList("participants.findAll { it.purpose == 'external' }.sessions.flatten()"
                + ".findAll { it.direction == 'outbound' }.direction")).containsExactly("outbound");
        // an agent who is no longer connected (alex left it) or never was (bob) reads it no more
        given().header("Authorization", alex).get(details, id).then().statusCode(403);
        given().header("Authorization", TestTokens.get().bearer("sue", Roles.SUPERVISOR)).get(details, id).then()
                .statusCode(200);
    }

    @Test
    void theDetailsFollowTheConversationsAccessRulesAnd404() {
        String id = liveCall("alex");
        String details = "/api/v2/analytics/conversations/{id}/details";
        given().header("Authorization", alex).get(details, id).then().statusCode(200)
                .body("conversationId", equalTo(id));
        given().header("Authorization", bob).get(details, id).then().statusCode(403)
                .body("code", equalTo("missing.any.permissions"));
        given().header("Authorization", TestTokens.get().bearer("ivr", Roles.IVR)).get(details, id).then()
                .statusCode(403);
        given().get(details, id).then().statusCode(401);
        given().header("Authorization", admin).get(details, "no-such-conversation").then().statusCode(404)
                .body("code", equalTo("not.found")).body("status", equalTo(404))
                .body("message", equalTo("Conversation no-such-conversation not found"));
        given().header("Authorization", admin).get(details, "x".repeat(300)).then().statusCode(404);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** An interaction started, queued to Billing and connected to {@code agent}, as the session core recorded it. */
    private String liveCall(String agent) {
        String id = UUID.randomUUID().toString();
        send(new InteractionEvent("s-" + id, InteractionEvent.Kind.STARTED, id, Instant.now(), "+17204276664",
                "8005550100", Map.of("Reason", "billing"), null, null, null));
        send(new InteractionEvent("q-" + id, InteractionEvent.Kind.QUEUED, id, Instant.now(), null, null, null,
                new InteractionEvent.QueueRef("q-billing", "Billing"), null, null));
        send(new InteractionEvent("c-" + id, InteractionEvent.Kind.CONNECTED, id, Instant.now(), null, null, null,
                null, new InteractionEvent.AgentRef(agent, "Alex Agent", null), null));
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", admin)
                .get("/api/v2/conversations/{id}", id).then().statusCode(200)
                .body("participants.find { it.purpose == 'agent' }.calls[0].state", equalTo("connected")));
        return id;
    }

    private void send(InteractionEvent event) {
        new TopicProbe(bootstrap).send(KafkaCloudEvents.toRecord(Topics.INTERACTIONS, new CloudEvent(event.id(),
                EventTypes.interaction(event.type()), "/test/ivr", event.interactionId(), Instant.now(),
                EventJson.write(event)), null));
    }

    private io.restassured.response.ValidatableResponse post(String path, Object body) {
        return given().header("Authorization", admin).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static String participantId(String conversationId, String role) {
        return ConversationViews.participantId(conversationId, role);
    }

    private static Map<String, Object> participant(JsonPath conversation, String purpose) {
        return conversation.getMap("participants.find { it.purpose == '" + purpose + "' }");
    }

    private static void field(JsonPath error, String field) {
        assertThat(error.getString("code")).isEqualTo("bad.request");
        assertThat(error.getString("details[0].fieldName")).isEqualTo(field);
    }
}
