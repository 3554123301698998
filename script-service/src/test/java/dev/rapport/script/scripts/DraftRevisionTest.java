package dev.rapport.script.scripts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contract.Roles;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency of script and inbound-flow drafts: draftRevision, ETag, If-Match and 412. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class DraftRevisionTest {
    private static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);

    private static ObjectNode greeting(String name, String text) {
        ObjectNode json = ScriptApiTest.workshopJson(name);
        ((ObjectNode) json.at("/pages/0/root/children/0")).put("text", text);
        return json;
    }

    private static io.restassured.response.ValidatableResponse putScript(String id, String ifMatch, ObjectNode body) {
        var request = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body.toString());
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put("/api/v2/scripts/" + id).then();
    }

    @Test
    void aStaleScriptSaveIsRefusedAndChangesNothing() {
        String name = "Revisions " + UUID.randomUUID();
        String id = ScriptApiTest.create(greeting(name, "Hi"));
        given().header("Authorization", ADMIN).get("/api/v2/scripts/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("draftRevision", equalTo(1));

        // the first admin saves with the revision they read: accepted, revision 2
        putScript(id, "\"1\"", greeting(name, "Theirs")).statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("draftRevision", equalTo(2))
                .body("draft.pages[0].root.children[0].text", equalTo("Theirs"));

        // the second admin still holds revision 1: refused, in Genesys's error shape
        putScript(id, "\"1\"", greeting(name, "Mine")).statusCode(412)
                .body("status", equalTo(412)).body("code", equalTo("draft.changed"))
                .body("message", containsString("changed by someone else since revision 1"))
                .body("message", containsString("now at revision 2"));
        given().header("Authorization", ADMIN).get("/api/v2/scripts/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("draftRevision", equalTo(2))
                .body("draft.pages[0].root.children[0].text", equalTo("Theirs"));

        // "keep mine": saving again with the current revision overwrites
        putScript(id, "\"2\"", greeting(name, "Mine")).statusCode(200).body("draftRevision", equalTo(3))
                .body("draft.pages[0].root.children[0].text", equalTo("Mine"));
    }

    @Test
    void withoutIfMatchTheSaveIsAcceptedAsBeforeAndCounts() {
        String name = "No If-Match " + UUID.randomUUID();
        String id = ScriptApiTest.create(greeting(name, "One"));
        putScript(id, null, greeting(name, "Two")).statusCode(200).body("draftRevision", equalTo(2));
        putScript(id, "*", greeting(name, "Three")).statusCode(200).body("draftRevision", equalTo(3));
        putScript(id, "W/\"3\"", greeting(name, "Four")).statusCode(200).body("draftRevision", equalTo(4))
                .body("draft.pages[0].root.children[0].text", equalTo("Four"));
        // an If-Match that names no revision at all does not match either
        putScript(id, "\"garbage\"", greeting(name, "Five")).statusCode(412).body("code", equalTo("draft.changed"));
    }

    @Test
    void publishingAndMakingAVersionCurrentKeepTheRevisionAndRestoringCounts() {
        String name = "Publish revisions " + UUID.randomUUID();
        String id = ScriptApiTest.create(greeting(name, "Version one"));
        given().header("Authorization", ADMIN).post("/api/v2/scripts/" + id + "/publish").then().statusCode(201);
        given().header("Authorization", ADMIN).post("/api/v2/scripts/" + id + "/versions/1/current").then().statusCode(200);
        // the draft did not change: a designer holding revision 1 may still save
        putScript(id, "\"1\"", greeting(name, "Draft two")).statusCode(200).body("draftRevision", equalTo(2));

        // restoring version 1 into the draft is a save like any other: it counts, and a stale writer is refused
        ObjectNode definition = ScriptFormat.mapper().valueToTree(
                given().header("Authorization", ADMIN).get("/api/v2/scripts/" + id + "/versions/1").then()
                        .statusCode(200).extract().jsonPath().getMap("definition"));
        putScript(id, "\"2\"", definition).statusCode(200).body("draftRevision", equalTo(3))
                .body("draft.pages[0].root.children[0].text", equalTo("Version one"));
        putScript(id, "\"2\"", greeting(name, "Stale")).statusCode(412);
        given().header("Authorization", ADMIN).get("/api/v2/scripts/" + id).then()
                .body("draft.pages[0].root.children[0].text", equalTo("Version one"));
    }

    @Test
    void importedScriptsStartAtRevisionOne() {
        ObjectNode body = greeting("Imported " + UUID.randomUUID(), "Imported");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body.toString())
                .post("/api/v2/scripts/import").then().statusCode(201)
                .header("ETag", equalTo("\"1\"")).body("script.draftRevision", equalTo(1));
    }

    @Test
    void aStaleFlowSaveIsRefusedAndChangesNothing() {
        String name = "Flow revisions " + UUID.randomUUID();
        String flowId = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(flow(name, "Theirs v0")).post("/api/v2/flows/inbound")
                .then().statusCode(201).header("ETag", equalTo("\"1\"")).body("draftRevision", equalTo(1))
                .extract().path("id");
        String path = "/api/v2/flows/inbound/" + flowId;

        given().header("Authorization", ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(flow(name, "Theirs")).put(path).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("draftRevision", equalTo(2));
        given().header("Authorization", ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(flow(name, "Mine")).put(path).then().statusCode(412)
                .body("code", equalTo("draft.changed")).body("status", equalTo(412))
                .body("message", containsString("since revision 1"));
        given().header("Authorization", ADMIN).get(path).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("draftRevision", equalTo(2))
                .body("description", equalTo("Theirs"));

        // no If-Match: saved as before
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(flow(name, "Mine")).put(path).then().statusCode(200)
                .body("draftRevision", equalTo(3)).body("description", equalTo("Mine"));
    }

    private static String flow(String name, String description) {
        return """
                {"name": "%s", "description": "%s", "match": {"isDefault": false, "dnis": [], "queues": []}, "steps": []}
                """.formatted(name, description);
    }
}
