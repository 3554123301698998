package dev.rapport.action.requests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.action.support.DataTableEmulator;
import dev.rapport.action.support.LoopbackResource;
import dev.rapport.action.support.LoopbackServer;
import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.Attribution;
import dev.rapport.contract.ActionResult;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.CloudEventHeaders;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.OnBehalfOf;
import dev.rapport.contract.Roles;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.TestTokens;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The Kafka side: action-requests in, action-results out through the outbox, once per request id. */
@QuarkusTest
@WithTestResource(value = LoopbackResource.class, initArgs = @ResourceArg(name = "database", value = "action"))
class ActionRequestsTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static ProducerRecord<String, String> record(ActionRequest request) {
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), EventTypes.ACTION_REQUESTED, "/test/script",
                request.interactionId(), Instant.now(), EventJson.write(request));
        return KafkaCloudEvents.toRecord(Topics.ACTION_REQUESTS, event, null);
    }

    List<ActionResult> results(TopicProbe probe, String interactionId, int count, Duration settle) {
        List<ConsumerRecord<String, String>> records = probe.read(Topics.ACTION_RESULTS,
                r -> interactionId.equals(r.key()), count, WAIT, settle);
        records.forEach(r -> assertThat(KafkaCloudEvents.header(r.headers(), CloudEventHeaders.TYPE))
                .isEqualTo(EventTypes.ACTION_COMPLETED));
        return records.stream().map(r -> EventJson.read(r.value(), ActionResult.class)).toList();
    }

    @Test
    void aRequestRunsTheActionOnceAndARedeliveryRepublishesItsResult() throws Exception {
        String tableId = "t-" + UUID.randomUUID();
        var rows = DataTableEmulator.start(tableId);
        String admin = TestTokens.get().bearer("ada", Roles.ADMIN);
        String integrationId = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"integrationType\":{\"id\":\"purecloud-data-actions\"},\"name\":\"GC\"}")
                .post("/api/v2/integrations").then().statusCode(200).extract().path("id");
        String actionId = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Files.readString(DataTableEmulator.WORKSHOP)).queryParam("integrationId", integrationId)
                .queryParam("publish", true).post("/api/v2/integrations/actions/import").then().statusCode(200)
                .extract().path("id");
        String interactionId = UUID.randomUUID().toString();
        ActionRequest request = new ActionRequest("req-" + interactionId, interactionId, actionId, null,
                Map.of("ANI", "1234", "DataTableID", tableId, "CaseStatus", "Escalated"), 10,
                new OnBehalfOf("alex", "Alex Agent"));
        TopicProbe probe = new TopicProbe(bootstrap);
        int before = LoopbackResource.server.received().size();

        probe.send(record(request));
        List<ActionResult> first = results(probe, interactionId, 1, Duration.ZERO);
        assertThat(first.get(0).success()).isTrue();
        assertThat(first.get(0).outputs()).containsEntry("successresponse", "Case Updated Successfully");
        assertThat(rows.get("1234").path("CaseStatus").asText()).isEqualTo("Escalated");
        // the row's owner is told whose click it was, and the requester which action ran
        assertThat(LoopbackResource.server.last().header(Attribution.HEADER))
                .isEqualTo("user=alex&name=Alex+Agent&action=" + URLEncoder.encode(first.get(0).actionName(),
                        StandardCharsets.UTF_8));
        assertThat(first.get(0).actionName()).startsWith("Architect WS - Data Table Update");

        probe.send(record(request));
        List<ActionResult> both = results(probe, interactionId, 2, Duration.ofSeconds(2));
        assertThat(both).hasSize(2);
        assertThat(both.get(1)).isEqualTo(both.get(0));
        assertThat(LoopbackResource.server.received()).hasSize(before + 1);
        String log = given().header("Authorization", admin)
                .get("/api/v2/integrations/actions/executions?interactionId={id}", interactionId)
                .then().statusCode(200).extract().asString();
        assertThat(JSON.readTree(log)).hasSize(1);
    }

    @Test
    void twoDeliveriesAtOnceRunTheActionOnce() {
        LoopbackResource.server.answer(r -> new LoopbackServer.Answer(200, "application/json",
                "{\"key\":\"k\",\"CustomerName\":\"Slow\"}", Map.of(), 1500));
        String interactionId = UUID.randomUUID().toString();
        ActionRequest request = new ActionRequest("twice-" + interactionId, interactionId,
                ActionRequest.DATATABLE_LOOKUP, null, Map.of("tableId", "slow", "key", interactionId), null);
        TopicProbe probe = new TopicProbe(bootstrap);
        int before = LoopbackResource.server.received().size();
        probe.send(record(request));
        probe.send(record(request));
        List<ActionResult> results = results(probe, interactionId, 1, Duration.ofSeconds(3));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).outputs()).containsEntry("CustomerName", "Slow");
        assertThat(LoopbackResource.server.received().stream().filter(r -> r.path().contains(interactionId)))
                .hasSize(1);
        assertThat(LoopbackResource.server.received().size()).isEqualTo(before + 1);
        probe.send(record(request));
        assertThat(results(probe, interactionId, 2, Duration.ZERO)).hasSize(2);
    }

    @Test
    void theBuiltInLookupFindsARowOrSaysNotFoundOrFails() {
        LoopbackResource.server.answer(r -> {
            if (!("Bearer " + LoopbackResource.serviceToken).equals(r.header("Authorization"))) {
                return LoopbackServer.Answer.json(401, "{}");
            }
            if (r.path().equals("/api/v2/flows/datatables/hcs/rows/7204276664") && "showbrief=false".equals(r.query())) {
                return LoopbackServer.Answer.json(200, "{\"key\":\"7204276664\",\"CustomerName\":\"Pat Doe\","
                        + "\"KBURL\":\"https://kb\"}");
            }
            if (r.path().startsWith("/api/v2/flows/datatables/broken/")) {
                return LoopbackServer.Answer.json(500, "{\"message\":\"db down\",\"code\":\"internal\",\"status\":500}");
            }
            return LoopbackServer.Answer.json(404, "{\"message\":\"row not found\",\"code\":\"not.found\",\"status\":404}");
        });
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        probe.send(record(new ActionRequest("found-" + interactionId, interactionId, ActionRequest.DATATABLE_LOOKUP,
                null, Map.of("tableId", "hcs", "key", "7204276664"), null)));
        probe.send(record(new ActionRequest("missing-" + interactionId, interactionId, ActionRequest.DATATABLE_LOOKUP,
                null, Map.of("tableId", "hcs", "key", "1"), null)));
        probe.send(record(new ActionRequest("broken-" + interactionId, interactionId, ActionRequest.DATATABLE_LOOKUP,
                null, Map.of("tableId", "broken", "key", "1"), null)));
        probe.send(record(new ActionRequest("unknown-" + interactionId, interactionId, "custom_-_nope", null,
                Map.of(), null)));

        Map<String, ActionResult> byRequest = new java.util.HashMap<>();
        results(probe, interactionId, 4, Duration.ZERO).forEach(r -> byRequest.put(r.requestId().split("-")[0], r));
        assertThat(byRequest.get("found").success()).isTrue();
        assertThat(byRequest.get("found").outputs()).containsEntry("CustomerName", "Pat Doe").containsEntry("found", true);
        assertThat(byRequest.get("missing").success()).isFalse();
        assertThat(byRequest.get("missing").error().code()).isEqualTo("not.found");
        assertThat(byRequest.get("broken").success()).isFalse();
        assertThat(byRequest.get("broken").error().status()).isEqualTo(500);
        assertThat(byRequest.get("unknown").error().code()).isEqualTo("not.found");
    }

    @Test
    void aRecordThatIsNotAnActionRequestGoesToTheDeadLetterTopic() {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        CloudEvent invalid = new CloudEvent("bad-" + interactionId, EventTypes.ACTION_REQUESTED, "/test", interactionId,
                Instant.now(), "{\"requestId\":\"r\",\"interactionId\":\"" + interactionId + "\"}");
        probe.send(KafkaCloudEvents.toRecord(Topics.ACTION_REQUESTS, invalid, null));
        List<ConsumerRecord<String, String>> dead = probe.read(Topics.deadLetterOf(Topics.ACTION_REQUESTS),
                r -> interactionId.equals(r.key()), 1, WAIT, Duration.ZERO);
        var reason = dead.get(0).headers().lastHeader("dead-letter-reason");
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("actionId");
    }
}
