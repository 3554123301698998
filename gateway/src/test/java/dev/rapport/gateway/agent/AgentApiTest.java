package dev.rapport.gateway.agent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Roles;
import dev.rapport.contract.Topics;
import dev.rapport.gateway.sessions.SessionBoard;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.gateway.Tokens;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
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
class AgentApiTest {
    private static final Tokens TOKENS = Tokens.get();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SessionBoard board;

    @Test
    void anAgentListsOnlyTheirInteractionsNewestFirstAndASupervisorListsAll() {
        String older = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        String theirs = UUID.randomUUID().toString();
        Instant now = Instant.now();
        new TopicProbe(bootstrap).sendAll(List.of(
                Sessions.record(Sessions.state(older, 1, "ended", "alex", now.minusSeconds(60), null, null, null)),
                Sessions.record(Sessions.state(newer, 1, "connected", "alex", now, null, null, null)),
                Sessions.record(Sessions.state(theirs, 1, "alerting", "blake", now, null, null, null))));
        awaitOnBoard(older, newer, theirs);

        List<String> alexSees = given().header("Authorization", TOKENS.bearer("alex", Roles.AGENT))
                .get("/api/v2/agent/interactions")
                .then().statusCode(200).extract().jsonPath().getList("entities.interactionId");
        assertThat(alexSees).contains(older, newer).doesNotContain(theirs);
        assertThat(alexSees.indexOf(newer)).isLessThan(alexSees.indexOf(older));

        given().header("Authorization", TOKENS.bearer("sue", Roles.SUPERVISOR))
                .get("/api/v2/agent/interactions")
                .then().statusCode(200).body("entities.interactionId", hasItem(theirs))
                .body("entities.find { it.interactionId == '" + theirs + "' }.state", equalTo("alerting"));
        given().header("Authorization", TOKENS.bearer("ivr", Roles.IVR)).get("/api/v2/agent/interactions")
                .then().statusCode(403);
    }

    /** The gateway's one list is a Genesys listing like every other service's, paged for a supervisor's all. */
    @Test
    @SuppressWarnings("unchecked")
    void theInteractionListIsAGenesysListing() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        new TopicProbe(bootstrap).sendAll(List.of(
                Sessions.record(Sessions.state(a, 1, "connected", "pat", Instant.now(), null, null, null)),
                Sessions.record(Sessions.state(b, 1, "connected", "pat", Instant.now(), null, null, null))));
        awaitOnBoard(a, b);
        String path = "/api/v2/agent/interactions";
        java.util.Map<String, Object> all = given().header("Authorization", TOKENS.bearer("sue", Roles.SUPERVISOR))
                .get(path).then().statusCode(200).extract().as(java.util.Map.class);
        long total = ((Number) all.get("total")).longValue();
        dev.rapport.testkit.GenesysListing.assertPage(all, path, 1, 500, total);
        java.util.Map<String, Object> second = given().header("Authorization", TOKENS.bearer("sue", Roles.SUPERVISOR))
                .queryParam("pageNumber", 2).queryParam("pageSize", 1).get(path).then().statusCode(200).extract()
                .as(java.util.Map.class);
        dev.rapport.testkit.GenesysListing.assertPage(second, path, 2, 1, total);
        given().header("Authorization", TOKENS.bearer("pat", Roles.AGENT)).queryParam("pageSize", 501).get(path)
                .then().statusCode(400).body("details[0].fieldName", equalTo("pageSize"));
    }

    @Test
    void commandsAreProducedToAgentCommandsKeyedByInteractionWithTheAgentFromTheToken() {
        String interactionId = UUID.randomUUID().toString();
        new TopicProbe(bootstrap).send(Sessions.record(Sessions.state(interactionId, 1, "connected", "alex")));
        awaitOnBoard(interactionId);

        post(interactionId, "alex", Map.of("type", "setVariable", "variable", "CaseStatus", "value", "Resolved",
                "agentId", "someone-else"))
                .then().statusCode(202).body("interactionId", equalTo(interactionId))
                .body("type", equalTo("setVariable"));
        post(interactionId, "alex", Map.of("type", "click", "component", "Submit")).then().statusCode(202);
        post(interactionId, "alex", Map.of("type", "changePage", "page", "Page 2")).then().statusCode(202);

        List<ConsumerRecord<String, String>> records = new TopicProbe(bootstrap).read(Topics.AGENT_COMMANDS,
                r -> interactionId.equals(r.key()), 3, Duration.ofSeconds(20), Duration.ofMillis(500));
        assertThat(records).hasSize(3);
        List<AgentCommand> commands = records.stream().map(KafkaCloudEvents::fromRecord)
                .peek(e -> assertThat(e.type()).isEqualTo(EventTypes.AGENT_COMMAND))
                .map(CloudEvent::data).map(d -> EventJson.read(d, AgentCommand.class)).toList();
        assertThat(commands).extracting(AgentCommand::type).containsExactly(AgentCommand.Kind.SET_VARIABLE,
                AgentCommand.Kind.CLICK, AgentCommand.Kind.CHANGE_PAGE);
        assertThat(commands).allSatisfy(c -> {
            assertThat(c.agentId()).isEqualTo("alex");
            assertThat(c.interactionId()).isEqualTo(interactionId);
        });
        assertThat(commands.get(0).variable()).isEqualTo("CaseStatus");
        assertThat(commands.get(0).value()).isEqualTo("Resolved");
        assertThat(commands.get(1).component()).isEqualTo("Submit");
        assertThat(commands.get(2).page()).isEqualTo("Page 2");
    }

    @Test
    void aBadCommandNamesTheFieldAndSomeoneElsesInteractionIsForbidden() {
        String mine = UUID.randomUUID().toString();
        String theirs = UUID.randomUUID().toString();
        String ended = UUID.randomUUID().toString();
        new TopicProbe(bootstrap).sendAll(List.of(
                Sessions.record(Sessions.state(mine, 1, "connected", "alex")),
                Sessions.record(Sessions.state(theirs, 1, "connected", "blake")),
                Sessions.record(Sessions.state(ended, 1, "ended", "alex"))));
        awaitOnBoard(mine, theirs, ended);

        post(mine, "alex", Map.of("type", "setVariable", "value", "x"))
                .then().statusCode(400).body("code", equalTo("bad.request"))
                .body("details.fieldName", hasItem("/variable"));
        post(mine, "alex", Map.of("type", "dance"))
                .then().statusCode(400).body("details.fieldName", hasItem("/type"));
        post(mine, "alex", Map.of("type", "click", "component", "Submit", "colour", "red"))
                .then().statusCode(400);
        post(theirs, "alex", Map.of("type", "click", "component", "Submit"))
                .then().statusCode(403).body("status", equalTo(403));
        post("no-such-interaction", "alex", Map.of("type", "click", "component", "Submit"))
                .then().statusCode(404);
        post(ended, "alex", Map.of("type", "click", "component", "Submit")).then().statusCode(409);
        // Supervisors watch: they may not act on an interaction, not even one with the agent role as well.
        given().contentType(ContentType.JSON).header("Authorization", TOKENS.bearer("sue", Roles.SUPERVISOR))
                .body(Map.of("type", "click", "component", "Submit"))
                .post("/api/v2/agent/interactions/{id}/commands", theirs).then().statusCode(403)
                .body("code", equalTo("missing.any.permissions"));
        given().contentType(ContentType.JSON)
                .header("Authorization", TOKENS.bearer("sam", Roles.SUPERVISOR, Roles.AGENT))
                .body(Map.of("type", "click", "component", "Submit"))
                .post("/api/v2/agent/interactions/{id}/commands", theirs).then().statusCode(403);

        List<ConsumerRecord<String, String>> produced = new TopicProbe(bootstrap).read(Topics.AGENT_COMMANDS,
                r -> mine.equals(r.key()) || ended.equals(r.key()) || theirs.equals(r.key()), 1,
                Duration.ofSeconds(3), Duration.ZERO);
        assertThat(produced).isEmpty();
    }

    private static io.restassured.response.Response post(String interactionId, String user, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).header("Authorization", TOKENS.bearer(user, Roles.AGENT))
                .body(body).post("/api/v2/agent/interactions/{id}/commands", interactionId);
    }

    private void awaitOnBoard(String... interactionIds) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> java.util.Arrays.stream(interactionIds).allMatch(id -> board.get(id).isPresent()));
    }
}
