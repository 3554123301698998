package dev.rapport.action.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.support.LoopbackServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The workshop's action exactly as Genesys exports it (URL from ${input.ANI}, body from "${input.CaseStatus}") cannot
 * be steered to another table's rows nor given extra JSON fields: input values stay one path segment and one string.
 */
class InputEscapingTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    Execution runWorkshop(ObjectNode input) throws Exception {
        ObjectNode export = (ObjectNode) JSON.readTree(FixtureRunTest.FIXTURES
                .resolve("ArchitectWorkshopContent__Architect-WS-Data-Table-Update.json").toFile());
        ActionDefinition action = new ActionDefinition("w", (ObjectNode) export.get("config"),
                (ObjectNode) export.get("contract"), false);
        return FixtureRunTest.runner(server.base(), "t").run(action,
                new IntegrationContext(IntegrationContext.PURECLOUD, null, Map.of()), input, false);
    }

    @Test
    void aPathInTheAniStaysOneSegment() throws Exception {
        Execution e = runWorkshop(JSON.createObjectNode().put("DataTableID", "t1").put("ANI", "../../other/rows/k?x=1#f")
                .put("CaseStatus", "Open"));
        assertThat(e.error()).isNull();
        assertThat(server.last().path()).isEqualTo("/api/v2/flows/datatables/t1/rows/..%2F..%2Fother%2Frows%2Fk%3Fx%3D1%23f");
        assertThat(server.last().query()).isNull();
        Execution dots = runWorkshop(JSON.createObjectNode().put("DataTableID", "..").put("ANI", "k"));
        assertThat(dots.error().code()).isEqualTo("action.template.refused");
    }

    @Test
    void aQuoteInTheCaseStatusStaysInsideItsString() throws Exception {
        Execution e = runWorkshop(JSON.createObjectNode().put("DataTableID", "t1").put("ANI", "1234")
                .put("CaseStatus", "Closed\", \"CustomerName\": \"Mallory").put("Services", "a\\b\nc"));
        assertThat(e.error()).isNull();
        JsonNode body = JSON.readTree(server.last().body());
        assertThat(body.path("CaseStatus").asText()).isEqualTo("Closed\", \"CustomerName\": \"Mallory");
        assertThat(body.path("Services").asText()).isEqualTo("a\\b\nc");
        assertThat(body.path("CustomerName").asText()).isNotEqualTo("Mallory");
        assertThat(body.size()).isEqualTo(6);
    }

    @Test
    void aValueOutsideQuotesMustBeOneJsonValue() throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree("""
                {"request":{"requestUrlTemplate":"/api/v2/x","requestType":"POST","headers":{},
                  "requestTemplate":"{\\"priority\\": ${input.priority}}"},
                 "response":{"translationMap":{},"translationMapDefaults":{},"successTemplate":"{}"}}""");
        ObjectNode contract = (ObjectNode) JSON.readTree("""
                {"input":{"inputSchema":{"type":"object"}},"output":{"successSchema":{"type":"object"}}}""");
        ActionDefinition action = new ActionDefinition("p", config, contract, false);
        IntegrationContext integration = new IntegrationContext(IntegrationContext.PURECLOUD, null, Map.of());
        DataActionRunner runner = FixtureRunTest.runner(server.base(), "t");
        assertThat(runner.run(action, integration, JSON.createObjectNode().put("priority", 5), false).error()).isNull();
        assertThat(runner.run(action, integration, JSON.createObjectNode().put("priority", "7"), false).error()).isNull();
        Execution injected = runner.run(action, integration,
                JSON.createObjectNode().put("priority", "1, \"admin\": true"), false);
        assertThat(injected.error().code()).isEqualTo("action.template.refused");
    }

    @Test
    void aTransformedValueWithASlashCannotLeaveItsSegment() throws Exception {
        ObjectNode config = (ObjectNode) JSON.readTree("""
                {"request":{"requestUrlTemplate":"/api/v2/rows/${input.key.replace(' ','%20')}","requestType":"GET",
                  "headers":{}},"response":{"translationMap":{},"translationMapDefaults":{},"successTemplate":"{}"}}""");
        ObjectNode contract = (ObjectNode) JSON.readTree("""
                {"input":{"inputSchema":{"type":"object"}},"output":{"successSchema":{"type":"object"}}}""");
        Execution e = FixtureRunTest.runner(server.base(), "t").run(new ActionDefinition("k", config, contract, false),
                new IntegrationContext(IntegrationContext.PURECLOUD, null, Map.of()),
                JSON.createObjectNode().put("key", "a b/../../x"), false);
        assertThat(e.error().code()).isEqualTo("action.template.refused");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void theDemoActionWritesTheEscapedForm() throws Exception {
        JsonNode demo = JSON.readTree(Path.of("..", "demo", "workshop-data-action.json").toFile());
        assertThat(demo.path("config").path("request").path("requestUrlTemplate").asText()).contains("$esc.uriEncode(");
        assertThat(demo.path("config").path("request").path("requestTemplate").asText()).contains("$esc.jsonString(");
    }
}
