package dev.rapport.gateway.adapters.genesys;

import static dev.rapport.gateway.adapters.AdapterFixtures.fixture;
import static dev.rapport.gateway.adapters.AdapterFixtures.produced;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.InteractionEvent.AgentRef;
import dev.rapport.contract.InteractionEvent.Kind;
import dev.rapport.contract.Roles;
import dev.rapport.gateway.Tokens;
import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Genesys Cloud's conversation detail events as its Amazon EventBridge integration delivers them (fixtures in
 * adapters/genesys/), posted by an API destination with the shared secret, through the gateway to 'interactions'.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class GenesysEventBridgeTest {
    private static final String EVENTS = "/api/v2/adapters/genesys/events";
    private static final String SECRET = "test-only-genesys-secret";
    private static final String FIXTURE_CONVERSATION_ID = "8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f";
    private static final String FIXTURE_USER_ID = "7d8e9f0a-1b2c-4d3e-9f4a-5b6c7d8e9f0a";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static Response deliver(String body, String secret) {
        return given().contentType("application/json").header("X-Rapport-Secret", secret).body(body).post(EVENTS);
    }

    /** A fixture for a conversation of its own, so tests sharing the broker do not meet. */
    private static String event(String fixture, String conversationId) {
        return fixture("genesys/" + fixture).replace(FIXTURE_CONVERSATION_ID, conversationId);
    }

    @Test
    void aConversationReplayedFromItsDetailEventsBecomesItsInteraction() {
        String conversationId = UUID.randomUUID().toString();
        for (String fixture : List.of("customer-start.json", "acd-start.json", "acd-end.json", "user-start.json",
                "customer-end.json")) {
            Response answer = deliver(event(fixture, conversationId), SECRET);
            assertThat(answer.statusCode()).as("%s: %s", fixture, answer.asString())
                    .isEqualTo(fixture.equals("acd-end.json") ? 200 : 202);
        }

        List<InteractionEvent> events = produced(bootstrap, conversationId, 4);
        assertThat(events).extracting(InteractionEvent::type)
                .containsExactly(Kind.STARTED, Kind.QUEUED, Kind.CONNECTED, Kind.ENDED);
        assertThat(events.get(0).ani()).isEqualTo("+17205550142");
        assertThat(events.get(0).dnis()).isEqualTo("+13035550199");
        assertThat(events.get(0).occurredAt()).hasToString("2025-01-14T16:02:11.412Z");
        assertThat(events.get(1).queue().id()).isEqualTo("f0e1d2c3-b4a5-4968-8776-655443322110");
        assertThat(events.get(2).agent()).as("an agent Rapport does not know keeps its Genesys id, unnamed")
                .isEqualTo(new AgentRef(FIXTURE_USER_ID, null, null));
        assertThat(events.get(3).reason()).isEqualTo("PEER");
    }

    @Test
    void anAgentRapportKnowsIsNamed() {
        String conversationId = UUID.randomUUID().toString();
        String body = event("user-start.json", conversationId).replace(FIXTURE_USER_ID, "alex");
        assertThat(deliver(body, SECRET).statusCode()).isEqualTo(202);
        assertThat(produced(bootstrap, conversationId, 1).get(0).agent())
                .isEqualTo(new AgentRef("alex", "Alex Agent", null));
    }

    @Test
    void anEventDeliveredTwiceKeepsItsEventId() {
        String conversationId = UUID.randomUUID().toString();
        String body = event("customer-start.json", conversationId);
        Response first = deliver(body, SECRET);
        Response again = deliver(body.replace("0f1e2d3c-4b5a-4697-8877-665544332211", UUID.randomUUID().toString()),
                SECRET); // EventBridge gives a retried PutEvents a new envelope id: Genesys's own ids decide
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        List<InteractionEvent> events = produced(bootstrap, conversationId, 2);
        assertThat(events.get(1).id()).isEqualTo(events.get(0).id());
    }

    @Test
    void aMissingConversationIdIsA400NamingIt() {
        Response answer = deliver(fixture("genesys/missing-conversation-id.json"), SECRET);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("code")).isEqualTo("bad.request");
        assertThat(answer.jsonPath().getList("details.fieldName", String.class))
                .containsExactly("/detail/eventBody/conversationId");
    }

    @Test
    void otherMediaAndOtherTopicsAreAnsweredAndLeftOut() {
        String conversationId = UUID.randomUUID().toString();
        Response chat = deliver(event("customer-start.json", conversationId)
                .replace("\"mediaType\": \"VOICE\"", "\"mediaType\": \"MESSAGE\""), SECRET);
        Response transcript = deliver("{\"detail-type\":\"v2.conversations.{id}.transcription\",\"detail\":{"
                + "\"eventBody\":{\"eventTime\":\"2025-01-14T16:02:11.412Z\",\"conversationId\":\"" + conversationId
                + "\"}}}", SECRET);
        for (Response answer : List.of(chat, transcript)) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            assertThat(answer.jsonPath().getString("status")).isEqualTo("ignored");
        }
        produced(bootstrap, conversationId, 0);
    }

    @Test
    void withoutTheSharedSecretNothingIsTakenNotEvenWithABearerToken() {
        String conversationId = UUID.randomUUID().toString();
        String body = event("customer-start.json", conversationId);
        List<Response> answers = List.of(
                given().contentType("application/json").body(body).post(EVENTS),
                deliver(body, "test-only-connect-secret"),
                given().contentType("application/json").body(body)
                        .header("Authorization", Tokens.get().bearer("admin", Roles.ADMIN, Roles.IVR)).post(EVENTS));
        for (Response answer : answers) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(401);
            assertThat(answer.asString()).doesNotContain(SECRET);
        }
        produced(bootstrap, conversationId, 0);
    }
}
