package dev.rapport.script.flows;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.rapport.contract.Roles;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A lookup key is one template naming each value once: a key typed after the hint it replaced
 * ({@code {{Call.Ani}}{{Call.Ani}}}) or with a brace missing would publish and then miss every caller, so publishing
 * refuses it with a 400 that names the field.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class FlowLookupKeyTest {
    private static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);

    @Test
    void aDoubledLookupKeyIsRefusedNamingTheField() {
        publish(flowWithKey("{{Call.Ani}}{{Call.Ani}}")).statusCode(400)
                .body("details[0].fieldName", equalTo("steps[0].key"))
                .body("message", containsString("steps[0].key"))
                .body("message", containsString("{{Call.Ani}} twice"));
    }

    @Test
    void aLookupKeyWithABraceMissingIsRefusedNamingTheField() {
        for (String key : new String[] {"{{Call.Ani}", "{Call.Ani}}", "{{Call.Ani}}}", "{{{{Call.Ani}}}}"}) {
            publish(flowWithKey(key)).statusCode(400)
                    .body("details[0].fieldName", equalTo("steps[0].key"))
                    .body("details[0].message", containsString("braces"));
        }
    }

    @Test
    void aSingleTemplateOrOneWithTextAroundItPublishes() {
        publish(flowWithKey("{{Call.Ani}}")).statusCode(200).body("version", equalTo(1));
        publish(flowWithKey("+1{{Call.Attributes.Local}}")).statusCode(200);
    }

    /** A flow that takes no interaction (not the default, no DNIS, no queue): publishing it routes nothing. */
    private static String flowWithKey(String key) {
        String body = """
                {"name":"Lookup key %s","steps":[{"type":"dataTableLookup","tableId":"t-1","key":"%s",
                  "found":[{"type":"transferToQueue","queueId":"q-1","queueName":"Q 1"}]}]}
                """.formatted(UUID.randomUUID(), key);
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v2/flows/inbound").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse publish(String flowId) {
        return given().header("Authorization", ADMIN).post("/api/v2/flows/inbound/{id}/publish", flowId).then();
    }
}
