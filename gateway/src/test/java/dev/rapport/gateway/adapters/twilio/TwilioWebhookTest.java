package dev.rapport.gateway.adapters.twilio;

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
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Twilio's documented webhooks (fixtures in adapters/twilio/), signed as Twilio signs them, through the gateway to
 * 'interactions' on a real broker.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class TwilioWebhookTest {
    private static final String TOKEN = "test-only-twilio-auth-token";
    private static final String FIXTURE_CALL_SID = "CA0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String STATUS = "/api/v2/adapters/twilio/status";
    private static final String GATHER = "/api/v2/adapters/twilio/gather";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** A fixture for a call of its own (a fresh CallSid), so tests sharing the broker do not meet. */
    private static String form(String fixture, String callSid) {
        return fixture("twilio/" + fixture).replace(FIXTURE_CALL_SID, callSid);
    }

    private static String newCallSid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The request as Twilio sends it: the form, signed over the full URL (path and query) the gateway receives. */
    private static RequestSpecification twilio(String pathAndQuery, String form, String authToken) {
        String url = "http://localhost:" + RestAssured.port + pathAndQuery;
        String signature = TwilioSignature.sign(authToken, url,
                TwilioWebhook.parse(form.getBytes(StandardCharsets.UTF_8)));
        return given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).body(form);
    }

    private static Response post(String pathAndQuery, String form) {
        return twilio(pathAndQuery, form, TOKEN).post(pathAndQuery);
    }

    @Test
    void aWholeCallReplayedFromTheDocumentedWebhooksBecomesItsInteraction() {
        String callSid = newCallSid();
        for (Response answer : List.of(
                post(STATUS, form("incoming-call.form", callSid)),
                post(STATUS, form("status-in-progress.form", callSid)),
                post(GATHER, form("gather-digits.form", callSid)),
                post(GATHER + "?speech=Reason", form("gather-speech.form", callSid)),
                post(STATUS, form("status-completed.form", callSid)))) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("text/xml");
            assertThat(answer.asString()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response/>\n");
        }

        // Each live request says "started" again, with one id: the consumer applies it once.
        List<InteractionEvent> events = produced(bootstrap, callSid, 7);
        assertThat(events).extracting(InteractionEvent::type).containsExactly(Kind.STARTED, Kind.STARTED,
                Kind.STARTED, Kind.ATTRIBUTES_SET, Kind.STARTED, Kind.ATTRIBUTES_SET, Kind.ENDED);
        List<InteractionEvent> started = events.stream().filter(e -> e.type() == Kind.STARTED).toList();
        assertThat(started).extracting(InteractionEvent::id).containsOnly(started.get(0).id());
        assertThat(started.get(0).ani()).isEqualTo("+17205550142");
        assertThat(started.get(0).dnis()).isEqualTo("+13035550199");
        assertThat(events.get(3).attributes()).isEqualTo(Map.of("Digits", "4421"));
        assertThat(events.get(5).attributes()).isEqualTo(Map.of("Reason", "I would like to update my case"));
        assertThat(events.get(6).reason()).isEqualTo("completed");
        assertThat(events.get(6).occurredAt()).hasToString("2025-01-14T16:04:53Z");
        assertThat(events.stream().map(InteractionEvent::id).collect(Collectors.toSet())).hasSize(4);
    }

    @Test
    void aRetriedGatherKeepsItsEventIdAndAnotherGatherGetsItsOwn() {
        String callSid = newCallSid();
        String form = form("gather-digits.form", callSid);
        for (String delivery : List.of("delivery-1", "delivery-1", "delivery-2")) {
            assertThat(twilio(GATHER, form, TOKEN).header("I-Twilio-Idempotency-Token", delivery).post(GATHER)
                    .statusCode()).isEqualTo(200);
        }
        List<String> attributeIds = produced(bootstrap, callSid, 6).stream()
                .filter(e -> e.type() == Kind.ATTRIBUTES_SET).map(InteractionEvent::id).toList();
        assertThat(attributeIds).hasSize(3);
        assertThat(attributeIds.get(1)).isEqualTo(attributeIds.get(0));
        assertThat(attributeIds.get(2)).isNotEqualTo(attributeIds.get(0));
    }

    @Test
    void aQueuedCallIsAnsweredAndProducesNothing() {
        String callSid = newCallSid();
        assertThat(post(STATUS, form("status-queued.form", callSid)).statusCode()).isEqualTo(200);
        produced(bootstrap, callSid, 0);
    }

    @Test
    void aGatherNamingWhereTheCallGoesOnIsAnsweredWithARedirect() {
        String callSid = newCallSid();
        String path = GATHER + "?digits=AccountNumber&next=https%3A%2F%2Fivr.example.com%2Fmenu%3Fstep%3D2%26x%3D1";
        Response answer = post(path, form("gather-digits.form", callSid));
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.asString()).contains("<Response><Redirect method=\"POST\">"
                + "https://ivr.example.com/menu?step=2&amp;x=1</Redirect></Response>");
        assertThat(produced(bootstrap, callSid, 2).get(1).attributes()).isEqualTo(Map.of("AccountNumber", "4421"));

        Response refused = post(GATHER + "?next=javascript%3Aalert(1)", form("gather-digits.form", newCallSid()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getList("details.fieldName", String.class)).containsExactly("next");
    }

    @Test
    void aMissingCallSidIsA400NamingItAndNothingIsProduced() {
        Response answer = post(STATUS, fixture("twilio/missing-call-sid.form"));
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.jsonPath().getString("code")).isEqualTo("bad.request");
        assertThat(answer.jsonPath().getString("contextId")).isNotBlank();
        assertThat(answer.jsonPath().getList("details.fieldName", String.class)).containsExactly("CallSid");
    }

    @Test
    void withoutTwilioSignatureForThisRequestNothingIsTakenNotEvenWithABearerToken() {
        String callSid = newCallSid();
        String form = form("incoming-call.form", callSid);
        String tampered = form.replace("From=%2B17205550142", "From=%2B19995550000");
        List<Response> answers = List.of(
                given().contentType("application/x-www-form-urlencoded").body(form).post(STATUS),
                twilio(STATUS, form, "another-accounts-token").post(STATUS),
                twilio(STATUS, form, TOKEN).body(tampered).post(STATUS),
                twilio(STATUS + "?next=https%3A%2F%2Fevil.example", form, TOKEN).post(STATUS),
                given().contentType("application/x-www-form-urlencoded").body(form)
                        .header("Authorization", Tokens.get().bearer("admin", Roles.ADMIN, Roles.IVR)).post(STATUS));
        for (Response answer : answers) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(403);
            assertThat(answer.jsonPath().getString("code")).isEqualTo("signature.invalid");
            assertThat(answer.asString()).doesNotContain(TOKEN);
        }
        produced(bootstrap, callSid, 0);
    }
}
