package dev.rapport.script.designer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.sun.net.httpserver.HttpServer;
import dev.rapport.contract.Roles;
import dev.rapport.script.WorkshopScript;
import dev.rapport.script.interactions.Interaction;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.CustomAction;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.Step;
import dev.rapport.script.scripts.ScriptFormat;
import dev.rapport.script.sessions.TimelineEntry;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The designer's endpoints: expression trial, recent interactions, preview sessions that run data actions. */
@QuarkusTest
@TestProfile(DesignerApiTest.StandIn.class)
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "designer"))
class DesignerApiTest {
    static final List<String> CALLS = new CopyOnWriteArrayList<>();
    static final HttpServer ACTION_SERVICE = start();

    /** A stand-in for action-service's execute endpoint on loopback: the workshop's action succeeds. */
    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v2/integrations/actions/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                CALLS.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
                boolean known = exchange.getRequestURI().getPath().contains(WorkshopScript.DATA_ACTION_ID);
                byte[] answer = (known ? "{\"successresponse\":\"Case Updated Successfully\"}"
                        : "{\"message\":\"no such action\",\"code\":\"not.found\",\"status\":404}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(known ? 200 : 404, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class StandIn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.scripts.action-service-url", "http://127.0.0.1:" + ACTION_SERVICE.getAddress().getPort());
        }
    }

    private final String admin = TestTokens.get().bearer("admin", Roles.ADMIN);
    private final String supervisor = TestTokens.get().bearer("sue", Roles.SUPERVISOR);
    private final String agent = TestTokens.get().bearer("alex", Roles.AGENT);

    @Test
    void anExpressionIsEvaluatedWithSampleValues() {
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("expression", "concat('Hi ', {{Name}}) + ''", "variables",
                        Map.of("Name", Map.of("type", "string", "value", "Jane"))))
                .post("/api/v2/scripts/expressions/evaluate").then().statusCode(200)
                .body("valid", equalTo(false)); // text in arithmetic is an error, as in math.js
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("expression", "{{Age}} * 2 + 1", "variables", Map.of("Age", Map.of("type", "number", "value", "20"))))
                .post("/api/v2/scripts/expressions/evaluate").then().statusCode(200)
                .body("valid", equalTo(true)).body("value", equalTo(41.0f)).body("type", equalTo("number"))
                .body("error", nullValue());
    }

    @Test
    void aBrokenExpressionSaysWhereAndTheSandboxHolds() {
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("expression", "1 + + )"))
                .post("/api/v2/scripts/expressions/evaluate").then().statusCode(200)
                .body("valid", equalTo(false)).body("error.position", equalTo(7));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("expression", "java.lang.Runtime.getRuntime()"))
                .post("/api/v2/scripts/expressions/evaluate").then().statusCode(200)
                .body("valid", equalTo(false));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("expression", "{{Missing}} + 1"))
                .post("/api/v2/scripts/expressions/evaluate").then().statusCode(200)
                .body("valid", equalTo(false)).body("error.message", equalTo("unknown variable {{Missing}}"));
        given().header("Authorization", agent).contentType(ContentType.JSON).body(Map.of("expression", "1"))
                .post("/api/v2/scripts/expressions/evaluate").then().statusCode(403);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("expression", "1", "variables", Map.of("X", Map.of("type", "date", "value", "1"))))
                .post("/api/v2/scripts/expressions/evaluate").then().statusCode(400)
                .body("details.fieldName", hasItem("variables.X.type"));
    }

    @Test
    void recentInteractionsOfAScriptComeNewestFirstWithTheirInputs() {
        String scriptId = UUID.randomUUID().toString();
        interaction("designer-old-" + scriptId, scriptId, Instant.parse("2026-01-01T10:00:00Z"), Map.of("ANI", "111"));
        interaction("designer-new-" + scriptId, scriptId, Instant.parse("2026-01-02T10:00:00Z"), Map.of("ANI", "222"));
        interaction("designer-other-" + scriptId, UUID.randomUUID().toString(), Instant.now(), Map.of());

        given().header("Authorization", supervisor).queryParam("scriptId", scriptId)
                .get("/api/v2/interactions").then().statusCode(200)
                .body("entities.id", contains("designer-new-" + scriptId, "designer-old-" + scriptId))
                .body("entities[0].inputs.ANI", equalTo("222"))
                .body("entities[0].scriptVersion", equalTo(1))
                .body("entities[0].ani", equalTo("7204276664"));
        given().header("Authorization", admin).queryParam("scriptId", scriptId).queryParam("limit", 1)
                .get("/api/v2/interactions").then().statusCode(200).body("entities", hasSize(1));
        given().header("Authorization", agent).get("/api/v2/interactions").then().statusCode(403);
        given().header("Authorization", admin).get("/api/v2/scripts/{id}/interactions", scriptId).then().statusCode(200)
                .body("entities.id", contains("designer-new-" + scriptId, "designer-old-" + scriptId));
        given().header("Authorization", admin).queryParam("limit", 0).get("/api/v2/interactions").then().statusCode(400);
    }

    @Test
    void aPreviewRunsTheButtonsCustomActionWithTheRealDataActionAndStoresNothing() {
        String id = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(ScriptFormat.write(WorkshopScript.definition()).replace("\"Architect Workshop\"", "\"Preview WS\""))
                .post("/api/v2/scripts").then().statusCode(201).extract().path("id");
        long interactionsBefore = QuarkusTransaction.requiringNew().call(() -> Interaction.count());

        JsonPath started = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("inputs", WorkshopScript.sampleInputs()))
                .post("/api/v2/scripts/{id}/preview/session", id).then().statusCode(200)
                .body("version", equalTo("draft")).body("currentPageId", equalTo("start"))
                .body("page.root.children[0].text", equalTo(
                        "Hi Jane Doe, thanks for calling Health Client Services. My name is admin, how can I help you today?"))
                .extract().jsonPath();

        JsonPath typed = command(id, started.getMap("state"), Map.of("type", "setVariable", "variable", "CaseStatus",
                "value", "Open")).then().statusCode(200).body("values.CaseStatus", equalTo("Open")).extract().jsonPath();
        CALLS.clear();
        command(id, typed.getMap("state"), Map.of("type", "click", "component", "submit")).then().statusCode(200)
                .body("runs[0].status", equalTo("succeeded"))
                .body("runs[0].component", equalTo("submit"))
                .body("runs[0].dataActions[0].success", equalTo(true))
                .body("runs[0].dataActions[0].inputs.CaseStatus", equalTo("Open"))
                .body("values.successresponse", equalTo("Case Updated Successfully"))
                .body("alerts", contains("Case Updated Successfully"));
        assertThat(CALLS).hasSize(1);
        assertThat(CALLS.get(0)).startsWith("/api/v2/integrations/actions/" + WorkshopScript.DATA_ACTION_ID
                + "/execute?flatten=true " + admin).contains("\"ANI\":\"7204276664\"");
        long interactionsAfter = QuarkusTransaction.requiringNew().call(() -> Interaction.count());
        assertThat(interactionsAfter).isEqualTo(interactionsBefore);

        // the same preview with the inputs of a real interaction that used the script
        interaction("designer-real-" + id, id, Instant.now(), Map.of("CustomerName", "Real Caller", "NotAnInput", "x"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("interactionId", "designer-real-" + id))
                .post("/api/v2/scripts/{id}/preview/session", id).then().statusCode(200)
                .body("values.CustomerName", equalTo("Real Caller"));
    }

    @Test
    void aPreviewSaysWhatItWouldAskOfTheInteractionAndGoesOnWithoutSendingIt() {
        var root = new Component.VerticalContainer("root", null, null, List.of(
                new Component.Button("transfer", null, "Transfer", "Transfer")));
        var script = new ScriptDefinition("Preview shift " + UUID.randomUUID(),
                null, null, "p1", List.of(new Page("p1", "Start", null, root)), List.of(),
                List.of(new CustomAction("Transfer", null, List.of(
                        new Step.Transfer(Step.TransferMode.blind, Step.TargetType.queue, "billing"),
                        new Step.InfoBanner("Sent to billing", "success"),
                        new Step.Delay(3),
                        new Step.Alert("Done")))), null, true, false);
        String id = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(ScriptFormat.write(script)).post("/api/v2/scripts").then().statusCode(201).extract().path("id");
        JsonPath started = given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v2/scripts/{id}/preview/session", id).then().statusCode(200).extract().jsonPath();

        JsonPath clicked = command(id, started.getMap("state"), Map.of("type", "click", "component", "transfer"))
                .then().statusCode(200)
                .body("runs[0].status", equalTo("succeeded"))
                .body("alerts", contains("Would send: blind transfer to queue billing", "Would wait 3 s", "Done"))
                .body("page.banner.message", equalTo("Sent to billing"))
                .body("page.banner.level", equalTo("success")).extract().jsonPath();
        // the banner is part of the state the preview hands back
        command(id, clicked.getMap("state"), Map.of("type", "changePage", "page", "p1")).then().statusCode(200)
                .body("page.banner.message", equalTo("Sent to billing"));
    }

    @Test
    void aFailingDataActionTakesTheFailurePathAndBadCommandsAreRefused() {
        String json = ScriptFormat.write(WorkshopScript.definition()).replace(WorkshopScript.DATA_ACTION_ID, "gone")
                .replace("\"Architect Workshop\"", "\"Preview WS failing\"");
        String id = given().header("Authorization", admin).contentType(ContentType.JSON).body(json)
                .post("/api/v2/scripts").then().statusCode(201).extract().path("id");
        JsonPath started = given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v2/scripts/{id}/preview/session", id).then().statusCode(200).extract().jsonPath();
        command(id, started.getMap("state"), Map.of("type", "click", "component", "submit")).then().statusCode(200)
                .body("runs[0].dataActions[0].success", equalTo(false))
                .body("runs[0].dataActions[0].error", equalTo("no such action (404)"))
                .body("alerts", contains("Failed to Update Case"));
        command(id, started.getMap("state"), Map.of("type", "click", "component", "nope")).then().statusCode(400);
        command(id, started.getMap("state"), Map.of("type", "dance")).then().statusCode(400)
                .body("details.fieldName", hasItem("command.type"));
        given().header("Authorization", supervisor).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v2/scripts/{id}/preview/session", id).then().statusCode(403);
    }

    private io.restassured.response.Response command(String id, Map<String, Object> state, Map<String, Object> command) {
        return given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("state", state, "command", command))
                .post("/api/v2/scripts/{id}/preview/session/commands", id);
    }

    private static void interaction(String id, String scriptId, Instant startedAt, Map<String, String> inputs) {
        QuarkusTransaction.requiringNew().run(() -> {
            Interaction i = new Interaction();
            i.id = id;
            i.state = "ended";
            i.ani = "7204276664";
            i.dnis = "3175551234";
            i.startedAt = startedAt;
            i.updatedAt = startedAt;
            i.persist();
            Interaction.getEntityManager().flush();
            Interaction.getEntityManager().createNativeQuery("INSERT INTO agent_session (interaction_id, script_id, "
                            + "script_name, script_version, updated_at) VALUES (?1, ?2, 'Architect Workshop', 1, ?3)")
                    .setParameter(1, id).setParameter(2, scriptId).setParameter(3, startedAt).executeUpdate();
            TimelineEntry e = new TimelineEntry();
            e.interactionId = id;
            e.at = startedAt;
            e.kind = "script.opened";
            e.summary = "Screen pop";
            e.detail = dev.rapport.contract.EventJson.write(inputs);
            e.persist();
        });
    }
}
