package dev.rapport.gateway.adapters.connect;

import static dev.rapport.gateway.adapters.AdapterFixtures.fixture;
import static dev.rapport.gateway.adapters.AdapterFixtures.produced;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.InteractionEvent.Kind;
import dev.rapport.contract.Roles;
import dev.rapport.gateway.Tokens;
import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Amazon Connect's documented "Invoke AWS Lambda function" events (fixtures in adapters/connect/), forwarded with the
 * shared secret, through the gateway to 'interactions' on a real broker.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class ConnectFlowEventTest {
    private static final String EVENTS = "/api/v2/adapters/connect/events";
    private static final String SECRET = "test-only-connect-secret";
    private static final String FIXTURE_CONTACT_ID = "6f1c2a9e-3b7d-4c2e-9a51-0d8e4f7b2c10";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static Response forward(String body, String secret) {
        return given().contentType("application/json").header("X-Rapport-Secret", secret).body(body).post(EVENTS);
    }

    /** A fixture for a contact of its own, so tests sharing the broker do not meet. */
    private static String event(String fixture, String contactId) {
        return fixture("connect/" + fixture).replace(FIXTURE_CONTACT_ID, contactId);
    }

    @Test
    void twoInvocationsOfAFlowBecomeTheInteractionItsAttributesAndItsQueue() {
        String contactId = UUID.randomUUID().toString();
        Response first = forward(event("first-invocation.json", contactId), SECRET);
        Response second = forward(event("queue-set.json", contactId), SECRET);
        for (Response answer : List.of(first, second)) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            // What a Lambda function may return to the flow: a flat object of strings.
            Map<String, Object> flat = answer.jsonPath().getMap("$");
            assertThat(flat).containsEntry("status", "accepted").containsEntry("interactionId", contactId)
                    .allSatisfy((name, value) -> assertThat(value).isInstanceOf(String.class));
        }

        List<InteractionEvent> events = produced(bootstrap, contactId, 5);
        assertThat(events).extracting(InteractionEvent::type).containsExactly(Kind.STARTED, Kind.ATTRIBUTES_SET,
                Kind.STARTED, Kind.ATTRIBUTES_SET, Kind.QUEUED);
        InteractionEvent started = events.get(0);
        assertThat(started.ani()).isEqualTo("+17205550142");
        assertThat(started.dnis()).isEqualTo("+13035550199");
        assertThat(started.attributes()).isEqualTo(Map.of("AccountNumber", "4421", "Intent", "UpdateCase",
                "Step", "main-menu"));
        assertThat(events.get(2).id()).as("the second invocation's start is the same event").isEqualTo(started.id());
        assertThat(events.get(3).attributes()).containsEntry("CallbackRequested", "false")
                .containsEntry("Step", "transfer-to-queue");
        assertThat(events.get(3).id()).isNotEqualTo(events.get(1).id());
        assertThat(events.get(4).queue()).isEqualTo(new InteractionEvent.QueueRef("arn:aws:connect:us-west-2:"
                + "111122223333:instance/0c4f1e2d-7a6b-4c3d-8e9f-1a2b3c4d5e6f/queue/"
                + "9b8a7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "CaseUpdates"));
    }

    @Test
    void theSameInvocationForwardedTwiceGivesTheSameEventIds() {
        String contactId = UUID.randomUUID().toString();
        String body = event("first-invocation.json", contactId);
        assertThat(forward(body, SECRET).statusCode()).isEqualTo(200);
        assertThat(forward(body, SECRET).statusCode()).isEqualTo(200);
        List<InteractionEvent> events = produced(bootstrap, contactId, 4);
        assertThat(events.get(2).id()).isEqualTo(events.get(0).id());
        assertThat(events.get(3).id()).isEqualTo(events.get(1).id());
    }

    @Test
    void anEventBridgeEventCarryingTheFlowEventAsItsDetailIsTakenToo() {
        String contactId = UUID.randomUUID().toString();
        Response answer = forward(event("eventbridge-detail.json", contactId), SECRET);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(produced(bootstrap, contactId, 2).get(0).ani()).isEqualTo("+17205550142");
    }

    @Test
    void aChatContactIsAnsweredAndLeftOut() {
        Response answer = forward(fixture("connect/chat-contact.json"), SECRET);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("status")).isEqualTo("ignored");
        produced(bootstrap, "2d9e8f7a-6b5c-4d3e-8f1a-0b9c8d7e6f5a", 0);
    }

    @Test
    void aMissingContactIdIsA400NamingIt() {
        Response answer = forward(fixture("connect/missing-contact-id.json"), SECRET);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("code")).isEqualTo("bad.request");
        assertThat(answer.jsonPath().getList("details.fieldName", String.class))
                .containsExactly("/Details/ContactData/ContactId");
    }

    @Test
    void anAttributeOverTheGatewaysBoundIsA400NamingItAndNothingOfTheRequestIsProduced() {
        String contactId = UUID.randomUUID().toString();
        String body = event("first-invocation.json", contactId).replace("\"Intent\": \"UpdateCase\"",
                "\"Intent\": \"" + "x".repeat(5000) + "\"");
        Response answer = forward(body, SECRET);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.jsonPath().getList("details.fieldName", String.class)).containsExactly("/attributes/Intent");
        produced(bootstrap, contactId, 0);
    }

    @Test
    void aBodyOverTheAdaptersBoundIsRefusedUnread() {
        String body = event("first-invocation.json", UUID.randomUUID().toString())
                .replace("\"Name\": \"ContactFlowEvent\"", "\"Name\": \"" + "x".repeat(70_000) + "\"");
        Response answer = forward(body, SECRET);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(413);
        assertThat(answer.jsonPath().getString("code")).isEqualTo("payload.too.large");
    }

    @Test
    void withoutTheSharedSecretNothingIsTakenNotEvenWithABearerToken() {
        String contactId = UUID.randomUUID().toString();
        String body = event("first-invocation.json", contactId);
        List<Response> answers = List.of(
                given().contentType("application/json").body(body).post(EVENTS),
                forward(body, "test-only-connect-secreT"),
                forward(body, ""),
                given().contentType("application/json").body(body)
                        .header("Authorization", Tokens.get().bearer("admin", Roles.ADMIN, Roles.IVR)).post(EVENTS));
        for (Response answer : answers) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(401);
            assertThat(answer.asString()).doesNotContain(SECRET);
        }
        produced(bootstrap, contactId, 0);
    }
}
