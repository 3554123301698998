package dev.rapport.script.scripts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contract.Roles;
import dev.rapport.script.WorkshopScript;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /api/v2/scripts against the real database, with real tokens. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class ScriptApiTest {
    private static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);
    private static final String SUPERVISOR = TestTokens.get().bearer("sue", Roles.SUPERVISOR);
    private static final String AGENT = TestTokens.get().bearer("sam", Roles.AGENT);

    static ObjectNode workshopJson(String name) {
        ObjectNode json = ScriptFormat.mapper().valueToTree(WorkshopScript.definition());
        json.put("name", name);
        return json;
    }

    static String create(ObjectNode body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body.toString())
                .post("/api/v2/scripts").then().statusCode(201).extract().path("id");
    }

    @Test
    void theWorkshopScriptIsBuiltPublishedAndPreviewed() {
        String id = create(workshopJson("Architect Workshop"));

        given().header("Authorization", ADMIN).post("/api/v2/scripts/" + id + "/publish")
                .then().statusCode(201).body("version", equalTo(1)).body("current", equalTo(true));

        Map<String, Object> request = Map.of("version", 1, "inputs", WorkshopScript.sampleInputs(),
                "builtins", Map.of("Agent Name", "Sam Agent"));
        JsonPath preview = given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON).body(request)
                .post("/api/v2/scripts/" + id + "/preview").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("pages[0].root.children[0].text")).isEqualTo("Hi Jane Doe, thanks for calling "
                + "Health Client Services. My name is Sam Agent, how can I help you today?");
        assertThat(preview.getString("pages[0].root.children[1].children[0].children[0].source"))
                .isEqualTo("https://www.google.com/maps/embed?pb=!1m18");
        assertThat(preview.getString("pages[0].root.children[1].children[1].children[0].source"))
                .isEqualTo("https://help.example.com/kb");
        assertThat(preview.getString("values.CaseStatus")).isEmpty();
    }

    @Test
    void draftsVersionsDiffsAndMakingAVersionCurrentAgain() {
        String id = create(workshopJson("Versioned Workshop"));
        given().header("Authorization", ADMIN).post("/api/v2/scripts/" + id + "/publish").then().statusCode(201);

        ObjectNode changed = workshopJson("Versioned Workshop");
        ((ObjectNode) changed.at("/pages/0/root/children/0")).put("text", "Hello {{CustomerName}}");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(changed.toString())
                .put("/api/v2/scripts/" + id).then().statusCode(200).body("draft.pages[0].root.children[0].text",
                        equalTo("Hello {{CustomerName}}"));
        given().header("Authorization", ADMIN).post("/api/v2/scripts/" + id + "/publish")
                .then().statusCode(201).body("version", equalTo(2));

        given().header("Authorization", SUPERVISOR).get("/api/v2/scripts/" + id + "/diff?from=1&to=2").then().statusCode(200)
                .body("changes[0].path", equalTo("/pages/start/root/children/greeting/text"))
                .body("changes[0].kind", equalTo("changed"))
                .body("text", containsString("~ /pages/start/root/children/greeting/text: \"Hi {{CustomerName}}"));
        given().header("Authorization", SUPERVISOR).get("/api/v2/scripts/" + id + "/diff?from=2").then().statusCode(200)
                .body("text", equalTo("no differences"));

        given().header("Authorization", ADMIN).post("/api/v2/scripts/" + id + "/versions/1/current")
                .then().statusCode(200).body("current", equalTo(true));
        JsonPath versions = given().header("Authorization", SUPERVISOR).get("/api/v2/scripts/" + id + "/versions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(versions.getList("version", Integer.class)).containsExactly(1, 2);
        assertThat(versions.getList("current", Boolean.class)).containsExactly(true, false);
        given().header("Authorization", SUPERVISOR).get("/api/v2/scripts/" + id).then().body("currentVersion", equalTo(1));

        given().header("Authorization", SUPERVISOR).get("/api/v2/scripts/" + id + "/versions/2").then().statusCode(200)
                .body("definition.pages[0].root.children[0].text", equalTo("Hello {{CustomerName}}"));
        given().header("Authorization", SUPERVISOR).get("/api/v2/scripts/" + id + "/export?version=1").then().statusCode(200)
                .body("format", equalTo("rapport-script")).body("script.name", equalTo("Versioned Workshop"));
        given().header("Authorization", SUPERVISOR).get("/api/v2/scripts?name=versioned").then().statusCode(200)
                .body("entities.id", hasItem(id));

        given().header("Authorization", ADMIN).delete("/api/v2/scripts/" + id).then().statusCode(204);
        given().header("Authorization", ADMIN).get("/api/v2/scripts/" + id).then().statusCode(404);
    }

    @Test
    void rolesAreEnforced() {
        String body = workshopJson("Roles Workshop").toString();
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON).body(body).post("/api/v2/scripts")
                .then().statusCode(403);
        given().header("Authorization", AGENT).get("/api/v2/scripts").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/v2/scripts").then().statusCode(401);
        String id = create(workshopJson("Roles Workshop"));
        given().header("Authorization", SUPERVISOR).post("/api/v2/scripts/" + id + "/publish").then().statusCode(403);
        given().header("Authorization", SUPERVISOR).delete("/api/v2/scripts/" + id).then().statusCode(403);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        ObjectNode bad = workshopJson("Bad Variable Type");
        ((ObjectNode) bad.at("/variables/0")).put("type", "date");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(bad.toString()).post("/api/v2/scripts")
                .then().statusCode(400).body("details.fieldName", hasItem("/variables/0/type"));

        create(workshopJson("Duplicate Name"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(workshopJson("duplicate name").toString())
                .post("/api/v2/scripts").then().statusCode(409);

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("inputs", Map.of("Nope", "x")))
                .post("/api/v2/scripts/" + create(workshopJson("Preview Inputs")) + "/preview")
                .then().statusCode(400).body("details[0].fieldName", equalTo("inputs"));
    }

    @Test
    void publishingReportsEveryProblemWithWhereItIs() {
        ObjectNode broken = workshopJson("Broken Workshop");
        ((ObjectNode) broken.at("/pages/0/root/children/0")).put("text", "Hi {{Customer Name}}");
        ((ObjectNode) broken.at("/customActions/0/steps/0/outputs")).put("successresponse", "Missing Var");
        String id = create(broken);
        given().header("Authorization", ADMIN).post("/api/v2/scripts/" + id + "/publish").then().statusCode(400)
                .body("details.fieldName", hasItem("pages/Start Page/verticalContainer root/text greeting/text"))
                .body("details.fieldName", hasItem("customActions/Update Case/1/outputs/successresponse"))
                .body("details.errorCode", hasItem("unknown.variable"));
        given().header("Authorization", SUPERVISOR).get("/api/v2/scripts/" + id + "/validation").then().statusCode(200)
                .body("valid", equalTo(false)).body("problems.size()", equalTo(2));
        given().header("Authorization", SUPERVISOR).get("/api/v2/scripts/" + id + "/versions").then().statusCode(200)
                .body("size()", equalTo(0));
        assertThat(List.of()).isEmpty();
    }
}
