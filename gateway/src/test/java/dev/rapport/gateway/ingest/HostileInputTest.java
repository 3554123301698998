package dev.rapport.gateway.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Roles;
import dev.rapport.contract.Topics;
import dev.rapport.gateway.Tokens;
import dev.rapport.gateway.agent.Sessions;
import dev.rapport.gateway.sessions.SessionBoard;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A corpus of hostile and malformed inputs at the gateway's two ways in (IVR ingest, agent commands): each gets its
 * expected status and, when refused, Genesys's error body naming the field; nothing refused reaches Kafka, and what is
 * accepted is exactly what the consumer's schema accepts.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class HostileInputTest {
    private static final String EVENTS = "/api/v2/interactions/events";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SessionBoard board;

    /** One input: a JSON body (with {iid} for a fresh interaction id), the status, the field named (null: any). */
    record Case(String name, String body, int status, String field) {
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    private static String attributes(int count, int valueLength) {
        return IntStream.range(0, count).mapToObj(i -> "\"a" + i + "\":\"" + "v".repeat(valueLength) + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    static final List<Case> IVR_CORPUS = List.of(
            new Case("occurredAt is not a date-time",
                    "{\"id\":\"{iid}\",\"type\":\"ended\",\"interactionId\":\"{iid}\",\"occurredAt\":\"yesterday\"}",
                    400, "/occurredAt"),
            new Case("truncated JSON", "{\"id\":\"{iid}\",\"type\":", 400, "/"),
            new Case("not JSON at all", "<xml/>", 400, "/"),
            new Case("a batch whose event is not an object", "[\"{iid}\"]", 400, "/0"),
            new Case("a batch with one bad event among good ones", "[{\"id\":\"{iid}-1\",\"type\":\"ended\","
                    + "\"interactionId\":\"{iid}\"},{\"id\":\"{iid}-2\",\"type\":\"ended\"}]", 400, "/1/interactionId"),
            new Case("an empty batch", "[]", 400, "/"),
            new Case("a JSON string", "\"{iid}\"", 400, "/"),
            new Case("JSON null", "null", 400, "/"),
            new Case("type of the wrong kind",
                    "{\"id\":\"{iid}\",\"type\":5,\"interactionId\":\"{iid}\"}", 400, "/type"),
            new Case("unknown type",
                    "{\"id\":\"{iid}\",\"type\":\"exploded\",\"interactionId\":\"{iid}\"}", 400, "/type"),
            new Case("an attribute that is an object",
                    "{\"id\":\"{iid}\",\"type\":\"attributesSet\",\"interactionId\":\"{iid}\","
                            + "\"attributes\":{\"Reason\":{\"$gt\":\"\"}}}", 400, "/attributes/Reason"),
            new Case("101 attributes",
                    "{\"id\":\"{iid}\",\"type\":\"attributesSet\",\"interactionId\":\"{iid}\",\"attributes\":"
                            + attributes(101, 1) + "}", 400, "/attributes"),
            new Case("an attribute name of 300 characters",
                    "{\"id\":\"{iid}\",\"type\":\"attributesSet\",\"interactionId\":\"{iid}\",\"attributes\":{\""
                            + repeat("n", 300) + "\":\"x\"}}", 400, "/attributes"),
            new Case("an attribute value of 5000 characters",
                    "{\"id\":\"{iid}\",\"type\":\"attributesSet\",\"interactionId\":\"{iid}\","
                            + "\"attributes\":{\"Reason\":\"" + repeat("x", 5000) + "\"}}", 400, "/attributes/Reason"),
            new Case("an event over 64 KB",
                    "{\"id\":\"{iid}\",\"type\":\"attributesSet\",\"interactionId\":\"{iid}\",\"attributes\":"
                            + attributes(80, 1000) + "}", 400, "/"),
            new Case("a screen pop input of 5000 characters",
                    "{\"id\":\"{iid}\",\"type\":\"started\",\"interactionId\":\"{iid}\",\"ani\":\"1\","
                            + "\"screenPop\":{\"scriptId\":\"s\",\"inputs\":{\"ANI\":\"" + repeat("9", 5000) + "\"}}}",
                    400, "/screenPop/inputs/ANI"),
            new Case("an unknown field", "{\"id\":\"{iid}\",\"type\":\"ended\",\"interactionId\":\"{iid}\","
                    + "\"evil\":true}", 400, null),
            new Case("an empty interaction id", "{\"id\":\"{iid}\",\"type\":\"ended\",\"interactionId\":\"\"}",
                    400, "/interactionId"),
            // Announced by Rapport's built-in routing only: from an IVR they would show a made-up offer.
            new Case("an IVR announcing an offer (alerting)",
                    "{\"id\":\"{iid}\",\"type\":\"alerting\",\"interactionId\":\"{iid}\","
                            + "\"agent\":{\"id\":\"alex\"}}", 400, "/type"),
            new Case("an IVR announcing that routing failed",
                    "{\"id\":\"{iid}\",\"type\":\"routingFailed\",\"interactionId\":\"{iid}\","
                            + "\"reason\":\"timeout\"}", 400, "/type"),
            // Accepted: and what is produced must pass the consumer's schema (it was dead-lettered before).
            new Case("a screen pop without inputs",
                    "{\"id\":\"{iid}\",\"type\":\"started\",\"interactionId\":\"{iid}\",\"ani\":\"1\","
                            + "\"screenPop\":{\"scriptId\":\"s\"}}", 202, null),
            new Case("a queue without a name",
                    "{\"id\":\"{iid}\",\"type\":\"queued\",\"interactionId\":\"{iid}\",\"queue\":{\"id\":\"q\"}}",
                    202, null),
            new Case("100 attributes of 600 characters",
                    "{\"id\":\"{iid}\",\"type\":\"attributesSet\",\"interactionId\":\"{iid}\",\"attributes\":"
                            + attributes(100, 600) + "}", 202, null));

    static final List<Case> COMMAND_CORPUS = List.of(
            new Case("a value of 9000 characters",
                    "{\"type\":\"setVariable\",\"variable\":\"CaseStatus\",\"value\":\"" + repeat("x", 9000) + "\"}",
                    400, "/value"),
            new Case("a list value over 8 KB", "{\"type\":\"setVariable\",\"variable\":\"L\",\"value\":["
                    + IntStream.range(0, 1000).mapToObj(i -> "\"0123456789\"").collect(Collectors.joining(","))
                    + "]}", 400, "/value"),
            new Case("an object value", "{\"type\":\"setVariable\",\"variable\":\"x\",\"value\":{\"a\":1}}",
                    400, "/value"),
            new Case("a variable name of 300 characters",
                    "{\"type\":\"setVariable\",\"variable\":\"" + repeat("v", 300) + "\",\"value\":\"x\"}",
                    400, "/variable"),
            new Case("truncated JSON", "{\"type\":\"click\",", 400, "/"),
            new Case("a JSON string", "\"click\"", 400, "/"),
            new Case("speaking for another agent is ignored, not an error: but an unknown field is refused",
                    "{\"type\":\"click\",\"component\":\"Submit\",\"as\":\"blake\"}", 400, null));

    @Test
    void everyIvrInputGetsItsStatusAndFieldAndNothingRefusedIsProduced() {
        Map<String, Case> refused = new LinkedHashMap<>();
        Map<String, Case> accepted = new LinkedHashMap<>();
        for (Case c : IVR_CORPUS) {
            String iid = UUID.randomUUID().toString();
            Response response = given().contentType("application/json")
                    .header("Authorization", Tokens.get().bearer("ivr", Roles.IVR))
                    .body(c.body().replace("{iid}", iid)).post(EVENTS);
            check(c, response);
            (c.status() == 202 ? accepted : refused).put(iid, c);
        }
        List<ConsumerRecord<String, String>> produced = new TopicProbe(bootstrap).read(Topics.INTERACTIONS,
                r -> refused.containsKey(r.key()) || accepted.containsKey(r.key()), accepted.size() + 1,
                Duration.ofSeconds(20), Duration.ofSeconds(2));
        assertThat(produced).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(accepted.keySet());
        for (ConsumerRecord<String, String> record : produced) {
            JsonNode data = EventJson.read(KafkaCloudEvents.fromRecord(record).data(), JsonNode.class);
            assertThat(EventSchemas.INTERACTION_EVENT.violations(data))
                    .as("what was produced for '%s' passes the consumer's schema", accepted.get(record.key()).name())
                    .isEmpty();
        }
    }

    @Test
    void everyAgentCommandInputGetsItsStatusAndFieldAndNothingRefusedIsProduced() {
        String iid = UUID.randomUUID().toString();
        new TopicProbe(bootstrap).send(Sessions.record(Sessions.state(iid, 1, "connected", "alex")));
        await().atMost(Duration.ofSeconds(20)).until(() -> board.get(iid).isPresent());
        for (Case c : COMMAND_CORPUS) {
            Response response = given().contentType("application/json")
                    .header("Authorization", Tokens.get().bearer("alex", Roles.AGENT))
                    .body(c.body()).post("/api/v2/agent/interactions/{id}/commands", iid);
            check(c, response);
        }
        assertThat(new TopicProbe(bootstrap).read(Topics.AGENT_COMMANDS, r -> iid.equals(r.key()), 1,
                Duration.ofSeconds(3), Duration.ZERO)).isEmpty();
    }

    private static void check(Case c, Response response) {
        String body = response.asString();
        assertThat(response.statusCode()).as("%s: %s", c.name(), abbreviate(body)).isEqualTo(c.status());
        if (c.status() >= 400) {
            assertThat(response.contentType()).as(c.name()).startsWith("application/json");
            assertThat(response.jsonPath().getInt("status")).as(c.name()).isEqualTo(c.status());
            assertThat(response.jsonPath().getString("code")).as(c.name()).isEqualTo("bad.request");
            assertThat(response.jsonPath().getString("contextId")).as(c.name()).isNotBlank();
            assertThat(response.jsonPath().getString("message")).as(c.name()).isNotBlank()
                    .doesNotContain("HTTP 400 Bad Request");
            List<String> fields = new ArrayList<>(response.jsonPath().getList("details.fieldName", String.class));
            assertThat(fields).as("%s names a field: %s", c.name(), abbreviate(body)).isNotEmpty();
            if (c.field() != null) {
                assertThat(fields).as("%s: %s", c.name(), abbreviate(body)).contains(c.field());
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }
}
