package dev.rapport.gateway.agent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Roles;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.gateway.Tokens;
import dev.rapport.gateway.sessions.SessionBoard;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The agent's End and wrap-up at the gateway's door: End only while connected to them; a wrap-up only by the agent
 * the interaction left, while it is pending, with notes when required (even after the interaction ended); and an
 * interaction that left the agent stays in their list until then.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class AgentWrapUpApiTest {
    private static final Tokens TOKENS = Tokens.get();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SessionBoard board;

    @Test
    void theAgentEndsTheirConnectedInteractionOnly() {
        String mine = UUID.randomUUID().toString();
        String ended = UUID.randomUUID().toString();
        new TopicProbe(bootstrap).sendAll(List.of(Sessions.record(Sessions.state(mine, 1, "connected", "alex")),
                Sessions.record(Sessions.state(ended, 1, "ended", "alex"))));
        awaitOnBoard(mine, ended);

        post(mine, "alex", Map.of("type", "disconnect")).then().statusCode(202).body("type", equalTo("disconnect"));
        post(mine, "blake", Map.of("type", "disconnect")).then().statusCode(403);
        post(ended, "alex", Map.of("type", "disconnect")).then().statusCode(409);

        AgentCommand sent = EventSchemas.AGENT_COMMAND.parse(KafkaCloudEvents.fromRecord(first(mine)).data(),
                AgentCommand.class);
        assertThat(sent.type()).isEqualTo(AgentCommand.Kind.DISCONNECT);
        assertThat(sent.agentId()).isEqualTo("alex");
    }

    @Test
    void onlyThePendingWrapUpOfTheAgentItLeftIsAcceptedWithItsRequiredNotes() {
        String ended = UUID.randomUUID().toString();
        String transferred = UUID.randomUUID().toString();
        String done = UUID.randomUUID().toString();
        new TopicProbe(bootstrap).sendAll(List.of(
                Sessions.record(Sessions.left(Sessions.state(ended, 2, "ended", "alex"), "ended", "alex",
                        SessionState.Wrapup.PENDING, true)),
                Sessions.record(Sessions.left(Sessions.state(transferred, 2, "queued", "alex"), "queued", "alex",
                        SessionState.Wrapup.PENDING, false)),
                Sessions.record(Sessions.left(Sessions.state(done, 2, "ended", "alex"), "ended", "alex",
                        SessionState.Wrapup.NOT_REQUIRED, false))));
        awaitOnBoard(ended, transferred, done);

        post(ended, "alex", Map.of("type", "wrapUp", "code", "c-1", "notes", "  ")).then().statusCode(400)
                .body("details[0].fieldName", equalTo("notes"))
                .body("message", equalTo("Notes are required to wrap up this interaction"));
        post(ended, "alex", Map.of("type", "wrapUp")).then().statusCode(400);
        post(ended, "alex", Map.of("type", "wrapUp", "code", "c-1", "notes", "n".repeat(2001))).then().statusCode(400);
        post(ended, "blake", Map.of("type", "wrapUp", "code", "c-1", "notes", "Mine now")).then().statusCode(403);
        post(done, "alex", Map.of("type", "wrapUp", "code", "c-1")).then().statusCode(409);
        // Transferred away: still alex's to wrap up, no longer his to act on.
        post(transferred, "alex", Map.of("type", "click", "component", "Submit")).then().statusCode(409);
        post(transferred, "alex", Map.of("type", "wrapUp", "code", "c-1")).then().statusCode(202);
        post(ended, "alex", Map.of("type", "wrapUp", "code", "c-1", "notes", "Sorted")).then().statusCode(202);

        AgentCommand wrapUp = EventSchemas.AGENT_COMMAND.parse(KafkaCloudEvents.fromRecord(first(ended)).data(),
                AgentCommand.class);
        assertThat(wrapUp.code()).isEqualTo("c-1");
        assertThat(wrapUp.notes()).isEqualTo("Sorted");
        assertThat(read(transferred)).hasSize(1);

        List<String> alexSees = given().header("Authorization", TOKENS.bearer("alex", Roles.AGENT))
                .get("/api/v2/agent/interactions").then().statusCode(200)
                .extract().jsonPath().getList("entities.interactionId");
        assertThat(alexSees).contains(ended, transferred, done);
        given().header("Authorization", TOKENS.bearer("alex", Roles.AGENT))
                .get("/api/v2/agent/interactions/{id}/session", transferred).then().statusCode(200)
                .body("wrapup.status", equalTo("pending"));
        given().header("Authorization", TOKENS.bearer("blake", Roles.AGENT))
                .get("/api/v2/agent/interactions/{id}/session", transferred).then().statusCode(403);
    }

    /** The interaction's first command on the topic, as soon as it is there (what follows it does not matter here). */
    private ConsumerRecord<String, String> first(String interactionId) {
        List<ConsumerRecord<String, String>> found = new TopicProbe(bootstrap).read(Topics.AGENT_COMMANDS,
                r -> interactionId.equals(r.key()), 1, Duration.ofSeconds(10), Duration.ZERO);
        assertThat(found).as("a command of " + interactionId).isNotEmpty();
        return found.get(0);
    }

    /** All of the interaction's commands seen in 10 s (to see one too many). */
    private List<ConsumerRecord<String, String>> read(String interactionId) {
        return new TopicProbe(bootstrap).read(Topics.AGENT_COMMANDS, r -> interactionId.equals(r.key()), 5,
                Duration.ofSeconds(10), Duration.ofSeconds(1));
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
