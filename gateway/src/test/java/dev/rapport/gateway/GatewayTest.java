package dev.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.CloudEventHeaders;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestEventStream;
import dev.rapport.testkit.TopicProbe;
import dev.rapport.contract.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class GatewayTest {
    private static final Tokens TOKENS = Tokens.get();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v2/agent/stream")
    URI stream;

    @Test
    void anIvrEventIsProducedToInteractionsAsACloudEventKeyedByInteraction() {
        String interactionId = UUID.randomUUID().toString();

        given().contentType(ContentType.JSON).header("X-Correlation-Id", "corr-" + interactionId)
                .header("Authorization", TOKENS.bearer("ivr", Roles.IVR))
                .body(Map.of("id", "e-" + interactionId, "type", "started", "interactionId", interactionId,
                        "ani", "7204276664", "dnis", "8005551234", "attributes", Map.of("Reason", "billing")))
                .post("/api/v2/interactions/events")
                .then().statusCode(202).body("interactionId", equalTo(interactionId))
                .header("X-Correlation-Id", "corr-" + interactionId);

        var records = new TopicProbe(bootstrap).read(Topics.INTERACTIONS, r -> interactionId.equals(r.key()), 1,
                Duration.ofSeconds(20), Duration.ZERO);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        CloudEvent event = KafkaCloudEvents.fromRecord(record);
        assertThat(event.id()).isEqualTo("e-" + interactionId);
        assertThat(event.type()).isEqualTo("rapport.interaction.started.v1");
        assertThat(KafkaCloudEvents.header(record.headers(), CloudEventHeaders.CORRELATION_ID))
                .isEqualTo("corr-" + interactionId);
        assertThat(event.data()).contains("\"ani\":\"7204276664\"").contains("\"occurredAt\"");
    }

    @Test
    void anInvalidEventIsRefusedInGenesysErrorShapeNamingTheFieldAndNothingIsProduced() {
        String interactionId = UUID.randomUUID().toString();

        given().contentType(ContentType.JSON).header("Authorization", TOKENS.bearer("ivr", Roles.IVR))
                .body(Map.of("id", "e-" + interactionId, "type", "started", "interactionId", interactionId,
                        "attributes", Map.of("Reason", 7)))
                .post("/api/v2/interactions/events")
                .then().statusCode(400)
                .body("status", equalTo(400)).body("code", equalTo("bad.request"))
                .body("details.fieldName", hasItem("/ani"))
                .body("details.fieldName", hasItem("/attributes/Reason"));

        given().contentType(ContentType.JSON).header("Authorization", TOKENS.bearer("ivr", Roles.IVR))
                .body("[1,2]").post("/api/v2/interactions/events")
                .then().statusCode(400).body("details.fieldName", hasItem("/0")).body("details.fieldName", hasItem("/1"));
        given().contentType(ContentType.JSON).header("Authorization", TOKENS.bearer("ivr", Roles.IVR))
                .body("\"started\"").post("/api/v2/interactions/events")
                .then().statusCode(400).body("details.fieldName", hasItem("/"));

        assertThat(new TopicProbe(bootstrap).read(Topics.INTERACTIONS, r -> interactionId.equals(r.key()), 1,
                Duration.ofSeconds(3), Duration.ZERO)).isEmpty();
    }

    /** An IVR connector's batch: produced whole and in its order, or refused whole naming each bad event's field. */
    @Test
    void aBatchOfEventsIsProducedInOrderOrRefusedWhole() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        List<Map<String, Object>> batch = List.of(
                Map.of("id", first + "-s", "type", "started", "interactionId", first, "ani", "1"),
                Map.of("id", second + "-s", "type", "started", "interactionId", second, "ani", "2"),
                Map.of("id", first + "-c", "type", "connected", "interactionId", first,
                        "agent", Map.of("id", "alex", "name", "Alex")),
                Map.of("id", first + "-e", "type", "ended", "interactionId", first));
        given().contentType(ContentType.JSON).header("Authorization", TOKENS.bearer("ivr", Roles.IVR))
                .body(batch).post("/api/v2/interactions/events")
                .then().statusCode(202).body("total", equalTo(4))
                .body("entities.id", org.hamcrest.Matchers.contains(first + "-s", second + "-s", first + "-c",
                        first + "-e"));
        var records = new TopicProbe(bootstrap).read(Topics.INTERACTIONS,
                r -> first.equals(r.key()) || second.equals(r.key()), 4, Duration.ofSeconds(20), Duration.ZERO);
        assertThat(records).extracting(r -> KafkaCloudEvents.fromRecord(r).id())
                .containsExactlyInAnyOrder(first + "-s", second + "-s", first + "-c", first + "-e");
        assertThat(records).filteredOn(r -> first.equals(r.key())).extracting(r -> KafkaCloudEvents.fromRecord(r).id())
                .as("one interaction's events in the batch's order").containsExactly(first + "-s", first + "-c",
                        first + "-e");
        assertThat(records).allSatisfy(r -> assertThat(KafkaCloudEvents.fromRecord(r).data()).contains("\"occurredAt\""));

        String refused = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Authorization", TOKENS.bearer("ivr", Roles.IVR))
                .body(List.of(Map.of("id", refused + "-s", "type", "started", "interactionId", refused, "ani", "1"),
                        Map.of("id", refused + "-x", "type", "hungUp", "interactionId", refused),
                        Map.of("id", refused + "-a", "type", "alerting", "interactionId", refused,
                                "agent", Map.of("id", "alex", "name", "Alex"))))
                .post("/api/v2/interactions/events")
                .then().statusCode(400).body("code", equalTo("bad.request"))
                .body("message", org.hamcrest.Matchers.containsString("2 of 3 events"))
                .body("details.fieldName", hasItem("/1/type")).body("details.fieldName", hasItem("/2/type"));
        given().contentType(ContentType.JSON).header("Authorization", TOKENS.bearer("ivr", Roles.IVR))
                .body(java.util.stream.IntStream.range(0, 501).mapToObj(i -> Map.of("id", refused + "-" + i,
                        "type", "ended", "interactionId", refused)).toList())
                .post("/api/v2/interactions/events")
                .then().statusCode(400).body("details.fieldName", hasItem("/"))
                .body("message", org.hamcrest.Matchers.containsString("at most 500"));
        given().contentType(ContentType.JSON).header("Authorization", TOKENS.bearer("ivr", Roles.IVR))
                .body("[]").post("/api/v2/interactions/events").then().statusCode(400);
        assertThat(new TopicProbe(bootstrap).read(Topics.INTERACTIONS, r -> refused.equals(r.key()), 1,
                Duration.ofSeconds(3), Duration.ZERO)).as("nothing of a refused batch is produced").isEmpty();
    }

    @Test
    void sessionUpdatesArePushedToStreamSubscribersAndStaleVersionsAreIgnored() throws Exception {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        try (TestEventStream client = new TestEventStream(stream,
                Map.of("Authorization", TOKENS.bearer("sue", Roles.SUPERVISOR)))) {
            probe.send(session(interactionId, 2, "connected"));
            probe.send(session(interactionId, 1, "alerting"));
            probe.send(session(interactionId, 3, "ended"));

            await().atMost(Duration.ofSeconds(20)).until(() -> client.ids.contains(interactionId + ":3"));
            assertThat(client.ids).filteredOn(id -> id.startsWith(interactionId))
                    .containsExactly(interactionId + ":2", interactionId + ":3");
            assertThat(client.data).anySatisfy(d -> assertThat(d).contains(interactionId).contains("\"connected\""));
        }
        given().header("Authorization", TOKENS.bearer("sue", Roles.SUPERVISOR))
                .get("/api/v2/agent/interactions/{id}/session", interactionId)
                .then().statusCode(200).body("version", equalTo(3)).body("state", equalTo("ended"));
        given().header("Authorization", TOKENS.bearer("sue", Roles.SUPERVISOR))
                .get("/api/v2/agent/interactions/{id}/session", "nobody")
                .then().statusCode(404).body("code", equalTo("not.found"));
    }

    @Test
    void anAgentSeesOnlyTheSessionsOfInteractionsConnectedToThem() throws Exception {
        String mine = UUID.randomUUID().toString();
        String theirs = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        try (TestEventStream alex = new TestEventStream(stream,
                Map.of("Authorization", TOKENS.bearer("alex", Roles.AGENT)))) {
            probe.send(session(mine, 1, "connected", "alex"));
            probe.send(session(theirs, 1, "connected", "blake"));
            probe.send(session(mine, 2, "ended", "alex"));

            await().atMost(Duration.ofSeconds(20)).until(() -> alex.ids.contains(mine + ":2"));
            assertThat(alex.ids).noneMatch(id -> id.startsWith(theirs));
        }
        given().header("Authorization", TOKENS.bearer("alex", Roles.AGENT))
                .get("/api/v2/agent/interactions/{id}/session", theirs)
                .then().statusCode(403).body("code", equalTo("missing.any.permissions"));
        given().header("Authorization", TOKENS.bearer("alex", Roles.AGENT))
                .get("/api/v2/agent/interactions/{id}/session", mine)
                .then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void everyApiNeedsATokenWithARoleItAdmits() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v2/interactions/events")
                .then().statusCode(401).body("code", equalTo("authentication.required"));
        given().contentType(ContentType.JSON).header("Authorization", TOKENS.bearer("alex", Roles.AGENT))
                .body("{}").post("/api/v2/interactions/events")
                .then().statusCode(403).body("status", equalTo(403));
        given().header("Authorization", TOKENS.bearer("ivr", Roles.IVR)).get("/api/v2/agent/interactions/x/session")
                .then().statusCode(403);
        given().header("Authorization", "Bearer not-a-token").get("/api/v2/agent/interactions/x/session")
                .then().statusCode(401);
    }

    /** The management interface's root path, {@code /q/}. */
    @TestHTTPResource(value = "/", management = true)
    URI management;

    @Test
    void operatorEndpointsAreServedOnTheManagementInterfaceOnlyOnLoopback() {
        assertThat(management.getHost()).isIn("127.0.0.1", "localhost");
        assertThat(management.getPath()).isEqualTo("/q/");
        given().baseUri(management.toString()).get("health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
        given().baseUri(management.toString()).get("metrics").then().statusCode(200);
        given().baseUri(management.toString()).get("openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/api/v2/interactions/events"));
        // Not on the API port any more.
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().get(path).then().statusCode(404);
        }
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, String> session(
            String interactionId, long version, String state) {
        return session(interactionId, version, state, "alex");
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, String> session(
            String interactionId, long version, String state, String agentId) {
        SessionState s = new SessionState(interactionId, version, state, "7204276664", null, Map.of(), null,
                new dev.rapport.contract.InteractionEvent.AgentRef(agentId, agentId, null), Instant.now());
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), EventTypes.SESSION_UPDATED, "/test",
                interactionId, Instant.now(), EventJson.write(s));
        return dev.rapport.gateway.agent.Sessions.SIGNATURES.sign(KafkaCloudEvents.toRecord(Topics.SESSIONS, event, null));
    }
}
