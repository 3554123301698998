package dev.rapport.script.genesys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contract.Roles;
import dev.rapport.script.WorkshopScript;
import dev.rapport.script.scripts.ScriptFormat;
import dev.rapport.testkit.GenesysListing;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Genesys's published-scripts API and the draft's pages, in Genesys's shapes, against the real database. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class PublishedScriptApiTest {
    private static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);
    private static final String SUPERVISOR = TestTokens.get().bearer("sue", Roles.SUPERVISOR);
    private static final String AGENT = TestTokens.get().bearer("sam", Roles.AGENT);
    private static final String BASE = "/api/v2/scripts/published";

    /** The workshop script with one more variable, a number that is both input and output. */
    private static ObjectNode workshop(String name) {
        ObjectNode json = ScriptFormat.mapper().valueToTree(WorkshopScript.definition());
        json.put("name", name);
        json.withArray("variables").addObject().put("name", "Priority").put("type", "number").put("input", true)
                .put("output", true).put("default", 3);
        return json;
    }

    private static String create(ObjectNode body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body.toString())
                .post("/api/v2/scripts").then().statusCode(201).extract().path("id");
    }

    private static void publish(String id) {
        given().header("Authorization", ADMIN).post("/api/v2/scripts/" + id + "/publish").then().statusCode(201);
    }

    private static JsonPath get(String token, String path) {
        return given().header("Authorization", token).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anAgentReadsThePublishedScriptAsGenesysShapesIt() {
        String name = "Genesys Workshop " + UUID.randomUUID();
        String id = create(workshop(name));
        publish(id);

        JsonPath script = get(AGENT, BASE + "/" + id);
        assertThat(script.getString("id")).isEqualTo(id);
        assertThat(script.getString("name")).isEqualTo(name);
        assertThat(script.getString("versionId")).isEqualTo("1");
        assertThat(script.getString("createdDate")).isNotBlank();
        assertThat(script.getString("publishedDate")).isNotBlank().isEqualTo(script.getString("versionDate"));
        assertThat(script.getString("startPageId")).isEqualTo("start");
        assertThat(script.getString("startPageName")).isEqualTo("Start Page");
        assertThat(script.getBoolean("features.screenPop.properties.enabled.value")).isTrue();
        assertThat(script.getString("features.screenPop.properties.enabled.typeName")).isEqualTo("boolean");
        assertThat(script.getBoolean("features.bridge.properties.enabled.value")).isTrue();
        assertThat(script.getBoolean("features.dialer.properties.enabled.value")).isFalse();
        assertThat(script.getList("variables.name")).containsExactly("ANI", "CustomerName", "Services",
                "EmbeddedMap", "KBURL", "DataTableID", "CaseStatus", "successresponse", "Priority");
        assertThat(script.getMap("variables[8]")).containsEntry("id", "Priority").containsEntry("value", 3)
                .containsEntry("input", true).containsEntry("output", true)
                .containsEntry("type", Map.of("name", "number", "isDynamic", false, "isList", false));
        assertThat(script.getString("variables[0].value")).isEmpty();
        assertThat(script.getList("customActions")).containsExactly(Map.of("id", "Update Case", "name", "Update Case"));
        assertThat(script.getString("pages[0].id")).isEqualTo("start");
        assertThat(script.getString("pages[0].versionId")).isEqualTo("1");
        assertThat(script.getString("pages[0].rootContainer.type")).isEqualTo("verticalContainer");
        assertThat(script.getString("pages[0].rootContainer.children[0].text")).isEqualTo(WorkshopScript.GREETING);
        assertThat(script.getString("pages[0].properties.onLoadAction.typeName")).isEqualTo("action");
        assertThat(script.getString("pages[0].selfUri")).isEqualTo(BASE + "/" + id + "/pages/start");
        assertThat(script.getString("selfUri")).isEqualTo(BASE + "/" + id);
        assertThat(script.getMap("$")).doesNotContainKey("division");

        JsonPath pages = get(AGENT, BASE + "/" + id + "/pages");
        assertThat(pages.getList("id")).containsExactly("start");
        assertThat(get(SUPERVISOR, BASE + "/" + id + "/pages/start").getString("name")).isEqualTo("Start Page");
    }

    @Test
    void thePublishedVersionInUseIsShownWhileTheDraftMovesOn() {
        String name = "Genesys Versions " + UUID.randomUUID();
        ObjectNode body = workshop(name);
        String id = create(body);
        publish(id);
        ((ObjectNode) body.at("/pages/0/root/children/0")).put("text", "Hello {{CustomerName}}");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body.toString())
                .put("/api/v2/scripts/" + id).then().statusCode(200);

        assertThat(get(AGENT, BASE + "/" + id + "/pages/start").getString("rootContainer.children[0].text"))
                .isEqualTo(WorkshopScript.GREETING);
        JsonPath draft = get(SUPERVISOR, "/api/v2/scripts/" + id + "/pages/start");
        assertThat(draft.getString("rootContainer.children[0].text")).isEqualTo("Hello {{CustomerName}}");
        assertThat(draft.getString("selfUri")).isEqualTo("/api/v2/scripts/" + id + "/pages/start");
        assertThat(get(ADMIN, "/api/v2/scripts/" + id + "/pages").getList("id")).containsExactly("start");

        publish(id);
        JsonPath second = get(AGENT, BASE + "/" + id);
        assertThat(second.getString("versionId")).isEqualTo("2");
        assertThat(second.getString("pages[0].rootContainer.children[0].text")).isEqualTo("Hello {{CustomerName}}");
    }

    @Test
    void variablesAreAnObjectOfVariablesFilteredByInputOutputAndType() {
        String id = create(workshop("Genesys Variables " + UUID.randomUUID()));
        publish(id);
        String path = BASE + "/" + id + "/variables";

        Map<String, Object> all = get(AGENT, path).getMap("$");
        assertThat(all.keySet()).containsExactly("ANI", "CustomerName", "Services", "EmbeddedMap", "KBURL",
                "DataTableID", "CaseStatus", "successresponse", "Priority");
        assertThat(get(AGENT, path).getMap("CustomerName")).containsEntry("name", "CustomerName")
                .containsEntry("input", true).containsEntry("output", false).containsEntry("value", "");

        assertThat(get(AGENT, path + "?input=true").getMap("$").keySet()).containsExactly("ANI", "CustomerName",
                "Services", "EmbeddedMap", "KBURL", "DataTableID", "Priority");
        assertThat(get(AGENT, path + "?input=false").getMap("$").keySet()).containsExactly("CaseStatus",
                "successresponse");
        assertThat(get(AGENT, path + "?output=true").getMap("$").keySet()).containsExactly("Priority");
        assertThat(get(AGENT, path + "?type=number").getMap("$").keySet()).containsExactly("Priority");
        assertThat(get(AGENT, path + "?type=boolean").getMap("$")).isEmpty();
        assertThat(get(AGENT, path + "?input=TRUE&output=false&type=string").getMap("$").keySet())
                .containsExactly("ANI", "CustomerName", "Services", "EmbeddedMap", "KBURL", "DataTableID");

        for (String bad : List.of("input=yes", "output=1", "type=list")) {
            String field = bad.substring(0, bad.indexOf('='));
            given().header("Authorization", AGENT).get(path + "?" + bad).then().statusCode(400)
                    .body("code", equalTo("bad.request")).body("details[0].fieldName", equalTo(field));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListingHoldsPublishedScriptsOnlyFilteredByNameFeatureAndFlow() {
        String tag = UUID.randomUUID().toString();
        String first = create(workshop("Listed A " + tag));
        publish(first);
        String second = create(workshop("Listed B " + tag));
        publish(second);
        ObjectNode outbound = workshop("Listed C " + tag);
        outbound.putObject("features").put("inbound", false).put("outbound", true).put("dataActions", true);
        String third = create(outbound);
        publish(third);
        create(workshop("Listed D " + tag)); // never published

        JsonPath listed = get(AGENT, BASE + "?pageSize=10&name=" + tag.toUpperCase(Locale.ROOT));
        assertThat(listed.getList("entities.id")).containsExactly(first, second, third);
        assertThat(listed.getList("entities.versionId")).containsOnly("1");
        assertThat(listed.getMap("entities[0]")).containsKeys("startPageId", "startPageName", "features", "selfUri")
                .doesNotContainKeys("pages", "variables", "customActions");
        GenesysListing.assertPage(given().header("Authorization", AGENT).get(BASE + "?pageSize=2&pageNumber=2&name="
                + tag).then().statusCode(200).extract().as(Map.class), BASE, 2, 2, 3);

        assertThat(given().header("Authorization", AGENT).queryParam("name", "b " + tag).get(BASE).then()
                .statusCode(200).extract().jsonPath().getList("entities.id")).containsExactly(second);
        assertThat(get(AGENT, BASE + "?name=" + tag + "&feature=screenPop").getList("entities.id"))
                .containsExactly(first, second);
        assertThat(get(AGENT, BASE + "?name=" + tag + "&feature=dialer").getList("entities.id"))
                .containsExactly(third);
        assertThat(get(AGENT, BASE + "?name=" + tag + "&feature=bridge&expand=ignored&divisionIds=x")
                .getInt("total")).isEqualTo(3);
        assertThat(get(AGENT, BASE + "?name=" + tag + "&feature=chat").getInt("total")).isZero();
        assertThat(get(AGENT, BASE + "?name=" + tag + "&flowId=" + UUID.randomUUID()).getInt("total")).isZero();
        assertThat(get(AGENT, BASE + "?name=%25" + tag).getInt("total")).as("% is itself, not a wildcard").isZero();
        given().header("Authorization", AGENT).queryParam("name", "x".repeat(257)).get(BASE).then().statusCode(400)
                .body("details[0].fieldName", equalTo("name"));
    }

    @Test
    void whatIsNotThereIsGenesysNotFoundAndTheDraftIsNotForAgents() {
        String unpublished = create(workshop("Genesys Unpublished " + UUID.randomUUID()));
        for (String path : List.of(BASE + "/" + unpublished, BASE + "/" + unpublished + "/variables",
                BASE + "/" + UUID.randomUUID() + "/pages", BASE + "/not-a-uuid",
                "/api/v2/scripts/" + unpublished + "/pages/nope", "/api/v2/scripts/" + UUID.randomUUID() + "/pages")) {
            given().header("Authorization", ADMIN).get(path).then().statusCode(404)
                    .body("code", equalTo("not.found")).body("status", equalTo(404));
        }
        String published = create(workshop("Genesys Published " + UUID.randomUUID()));
        publish(published);
        given().header("Authorization", AGENT).get(BASE + "/" + published + "/pages/nope").then().statusCode(404)
                .body("code", equalTo("not.found"));
        given().header("Authorization", AGENT).get("/api/v2/scripts/" + published + "/pages").then().statusCode(403);
        given().get(BASE).then().statusCode(401);
    }
}
