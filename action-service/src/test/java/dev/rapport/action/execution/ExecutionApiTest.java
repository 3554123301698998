package dev.rapport.action.execution;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.support.DataTableEmulator;
import dev.rapport.action.support.LoopbackResource;
import dev.rapport.action.support.LoopbackServer;
import dev.rapport.contract.Roles;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LoopbackResource.class, initArgs = @ResourceArg(name = "database", value = "action"))
class ExecutionApiTest {
    /** The management interface's root ({@code /q/}): operator endpoints are not on the API port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URI management;

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path WORKSHOP = DataTableEmulator.WORKSHOP;

    static String admin() {
        return TestTokens.get().bearer("ada", Roles.ADMIN);
    }

    static String integration(String type) {
        return given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"integrationType\":{\"id\":\"" + type + "\"},\"name\":\"" + type + "\"}")
                .post("/api/v2/integrations").then().statusCode(200).extract().path("id");
    }

    @Test
    void theWorkshopActionImportedUnchangedUpdatesTheRowAndAnswersCaseUpdated() throws Exception {
        String tableId = "5c2b5a7e-1f7a-4d2e-9a57-0f0c8e2f1d11";
        Map<String, ObjectNode> rows = DataTableEmulator.start(tableId);
        String id = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Files.readString(WORKSHOP)).queryParam("integrationId", integration("purecloud-data-actions"))
                .queryParam("name", "Update Case")
                .post("/api/v2/integrations/actions/import").then().statusCode(200).extract().path("id");
        String input = "{\"ANI\":\"1234\",\"DataTableID\":\"" + tableId + "\",\"CustomerName\":\"Pat Doe\","
                + "\"CaseStatus\":\"Open\",\"Services\":\"Insurance|Childcare\",\"EmbeddedMap\":\"https://maps/x\","
                + "\"KBURL\":\"https://kb/y\"}";

        // the admin tests the draft as the workshop does: every step with its intermediate result
        JsonNode test = JSON.readTree(given().header("Authorization", admin()).contentType(ContentType.JSON).body(input)
                .post("/api/v2/integrations/actions/{id}/draft/test", id).then().statusCode(200).extract().asString());
        assertThat(test.path("success").asBoolean()).as(test.toString()).isTrue();
        assertThat(test.path("finalResult").path("successresponse").asText()).isEqualTo("Case Updated Successfully");
        assertThat(test.path("operations").findValuesAsText("name")).containsExactly("validateInput",
                "resolveRequestUrlTemplate", "resolveRequestHeaders", "resolveRequestTemplate", "executeRequest",
                "parseResponse", "applyTranslationMap", "resolveSuccessTemplate", "validateOutput");
        assertThat(test.path("operations").get(1).path("result").asText())
                .isEqualTo("/api/v2/flows/datatables/" + tableId + "/rows/1234");
        assertThat(test.toString()).doesNotContain(LoopbackResource.serviceToken);
        assertThat(rows.get("1234").path("CaseStatus").asText()).isEqualTo("Open");

        given().header("Authorization", admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/v2/integrations/actions/{id}/draft/publish", id).then().statusCode(200);
        given().header("Authorization", TestTokens.get().bearer("script-service", Roles.SERVICE))
                .contentType(ContentType.JSON).body(input.replace("\"Open\"", "\"Closed - resolved\""))
                .post("/api/v2/integrations/actions/{id}/execute", id).then().statusCode(200)
                .body("successresponse", equalTo("Case Updated Successfully"));
        assertThat(rows.get("1234").path("CaseStatus").asText()).isEqualTo("Closed - resolved");
        assertThat(rows.get("1234").path("CustomerName").asText()).isEqualTo("Pat Doe");
        assertThat(LoopbackResource.server.last().header("Content-Type")).startsWith("application/json");

        // a row that does not exist: Genesys's error body with the endpoint's status
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(input.replace("\"ANI\":\"1234\"", "\"ANI\":\"999\""))
                .post("/api/v2/integrations/actions/{id}/execute", id).then().statusCode(404)
                .body("code", equalTo("action.remote.error"));

        JsonNode log = JSON.readTree(given().header("Authorization", admin())
                .get("/api/v2/integrations/actions/{id}/executions", id).then().statusCode(200).extract().asString());
        assertThat(log.findValuesAsText("outcome")).contains("success", "failure");
        assertThat(log.get(0).path("actionVersion").asInt()).isEqualTo(1);
    }

    @Test
    void credentialsReachTheEndpointButNeverTheTestResultOrLog() throws Exception {
        String integrationId = integration("custom-rest-actions");
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"type\":\"basicAuth\",\"credentialFields\":{\"userName\":\"svc\",\"password\":\"pw-very-secret\"}}")
                .put("/api/v2/integrations/{id}/credentials", integrationId).then().statusCode(200);
        LoopbackResource.server.answer(r -> LoopbackServer.Answer.json(200, "{\"echo\":\"" + r.header("X-Key") + "\"}"));
        String action = """
                {"name":"Secure echo","integrationId":"%s","secure":true,
                 "config":{"request":{"requestUrlTemplate":"%s/echo?u=$esc.url($input.user)","requestType":"POST",
                   "headers":{"X-Key":"$credentials.password"},"requestTemplate":"${input.rawRequest}"},
                   "response":{"translationMap":{"e":"$.echo"},"translationMapDefaults":{},"successTemplate":"{\\"echo\\": ${e}}"}},
                 "contract":{"input":{"inputSchema":{"type":"object","properties":{"user":{"type":"string"},"ssn":{"type":"string"}}}},
                   "output":{"successSchema":{"type":"object","properties":{"echo":{"type":"string"}}}}}}"""
                .formatted(integrationId, LoopbackResource.server.base());
        String id = given().header("Authorization", admin()).contentType(ContentType.JSON).body(action)
                .post("/api/v2/integrations/actions").then().statusCode(200).body("version", equalTo(1))
                .extract().path("id");
        String result = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"user\":\"a b\",\"ssn\":\"123-45-6789\"}")
                .post("/api/v2/integrations/actions/{id}/test", id).then().statusCode(200)
                .body("success", equalTo(true)).extract().asString();
        LoopbackServer.Received received = LoopbackResource.server.last();
        assertThat(received.header("X-Key")).isEqualTo("pw-very-secret");
        assertThat(received.header("Authorization")).isEqualTo("Basic c3ZjOnB3LXZlcnktc2VjcmV0");
        assertThat(received.query()).isEqualTo("u=a+b");
        assertThat(result).doesNotContain("pw-very-secret").contains("********");
        String log = given().header("Authorization", admin()).get("/api/v2/integrations/actions/{id}/executions", id)
                .then().statusCode(200).extract().asString();
        assertThat(log).doesNotContain("123-45-6789").doesNotContain("pw-very-secret").contains("********");
    }

    @Test
    void aSlowEndpointTimesOutAndAFailingOneOpensTheCircuit() throws Exception {
        String integrationId = integration("custom-rest-actions");
        String action = """
                {"name":"Flaky","integrationId":"%s",
                 "config":{"timeoutSeconds":1,"request":{"requestUrlTemplate":"%s/flaky","requestType":"GET","headers":{}},
                   "response":{"translationMap":{},"translationMapDefaults":{},"successTemplate":"${rawResult}"}},
                 "contract":{"input":{"inputSchema":{"type":"object"}},"output":{"successSchema":{"type":"object"}}}}"""
                .formatted(integrationId, LoopbackResource.server.base());
        String id = given().header("Authorization", admin()).contentType(ContentType.JSON).body(action)
                .post("/api/v2/integrations/actions").then().statusCode(200).extract().path("id");
        LoopbackResource.server.answer(r -> new LoopbackServer.Answer(200, "application/json", "{}", Map.of(), 2500));
        given().header("Authorization", admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/v2/integrations/actions/{id}/execute", id).then().statusCode(504)
                .body("code", equalTo("action.timeout"));
        LoopbackResource.server.answer(r -> LoopbackServer.Answer.json(500, "{\"message\":\"down\"}"));
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", admin()).contentType(ContentType.JSON).body("{}")
                    .post("/api/v2/integrations/actions/{id}/execute", id).then().statusCode(500);
        }
        int before = LoopbackResource.server.received().size();
        given().header("Authorization", admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/v2/integrations/actions/{id}/execute", id).then().statusCode(503)
                .body("code", equalTo("action.circuit.open"));
        assertThat(LoopbackResource.server.received()).hasSize(before);
        String metrics = given().get(management.resolve("metrics")).then().statusCode(200).extract().asString();
        assertThat(metrics).contains("rapport_actions_execution_seconds{action=\"" + id + "\"")
                .contains("quantile=\"0.99\"");
    }
}
