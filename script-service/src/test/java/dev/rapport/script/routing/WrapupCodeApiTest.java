package dev.rapport.script.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.rapport.contract.Roles;
import dev.rapport.testkit.GenesysListing;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Genesys's /api/v2/routing/wrapupcodes: the shape, unique bounded names, versions, who may do what. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class WrapupCodeApiTest {
    static final String BASE = "/api/v2/routing/wrapupcodes";
    static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);
    static final String AGENT = TestTokens.get().bearer("alex", Roles.AGENT);

    @Test
    void anAdminCreatesRenamesAndDeletesACodeInGenesysShape() {
        String name = "Resolved " + UUID.randomUUID();
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "  " + name + " ", "division", Map.of("id", "home", "name", "Home")))
                .post(BASE).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo(name)).body("division.name", equalTo("Home"))
                .body("createdBy", equalTo("ada")).body("dateCreated", notNullValue())
                .extract().path("id");
        given().header("Authorization", ADMIN).get(BASE + "/{id}", id).then().statusCode(200)
                .body("selfUri", equalTo(BASE + "/" + id));

        // A Genesys client sends the whole object back; a stale If-Match is refused.
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(Map.of("id", id, "name", name + " (v2)", "dateCreated", "2020-01-01T00:00:00Z"))
                .put(BASE + "/{id}", id).then().statusCode(412).body("code", equalTo("precondition.failed"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("id", id, "name", name + " (v2)")).put(BASE + "/{id}", id).then().statusCode(200)
                .header("ETag", "\"2\"").body("name", equalTo(name + " (v2)"));

        given().header("Authorization", ADMIN).delete(BASE + "/{id}", id).then().statusCode(204);
        given().header("Authorization", ADMIN).get(BASE + "/{id}", id).then().statusCode(404)
                .body("code", equalTo("not.found"));
        given().header("Authorization", ADMIN).get(BASE + "/{id}", "not-a-uuid").then().statusCode(404);
    }

    @Test
    void namesAreRequiredBoundedAndUniqueRegardlessOfCase() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", "  "))
                .post(BASE).then().statusCode(400).body("details[0].fieldName", equalTo("name"))
                .body("message", containsString("name is required"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", "x".repeat(257)))
                .post(BASE).then().statusCode(400).body("details[0].fieldName", equalTo("name"))
                .body("message", containsString("at most 256"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "ok " + UUID.randomUUID(), "description", "d".repeat(1025)))
                .post(BASE).then().statusCode(400).body("details[0].fieldName", equalTo("description"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", "line\nbreak"))
                .post(BASE).then().statusCode(400).body("details[0].fieldName", equalTo("name"));

        String name = "Callback booked " + UUID.randomUUID();
        String first = create(name);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", name.toUpperCase()))
                .post(BASE).then().statusCode(409).body("details[0].fieldName", equalTo("name"));
        String second = create("Other " + UUID.randomUUID());
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", name))
                .put(BASE + "/{id}", second).then().statusCode(409);
        // renaming a code to its own name (another case) is fine
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", name.toLowerCase()))
                .put(BASE + "/{id}", first).then().statusCode(200);
    }

    @Test
    void theListingIsAGenesysPageFilteredByName() {
        String tag = UUID.randomUUID().toString();
        for (String n : new String[] {"b", "a", "c"}) {
            create("Listed " + n + " " + tag);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> page = given().header("Authorization", AGENT).queryParam("name", tag)
                .queryParam("pageSize", 2).queryParam("pageNumber", 1).get(BASE).then().statusCode(200)
                .body("entities.name", org.hamcrest.Matchers.contains("Listed a " + tag, "Listed b " + tag))
                .extract().as(Map.class);
        GenesysListing.assertPage(page, BASE, 1, 2, 3);
        given().header("Authorization", AGENT).queryParam("name", tag).queryParam("sortOrder", "descending")
                .get(BASE).then().statusCode(200).body("entities[0].name", equalTo("Listed c " + tag));
        given().header("Authorization", AGENT).queryParam("sortBy", "colour").get(BASE).then().statusCode(400)
                .body("details[0].fieldName", equalTo("sortBy"));
    }

    @Test
    void agentsReadButDoNotWrite() {
        String id = create("Read by agents " + UUID.randomUUID());
        given().header("Authorization", AGENT).get(BASE).then().statusCode(200)
                .body("entities.id", hasItem(id));
        given().header("Authorization", AGENT).contentType(ContentType.JSON).body(Map.of("name", "mine"))
                .post(BASE).then().statusCode(403);
        given().header("Authorization", AGENT).delete(BASE + "/{id}", id).then().statusCode(403);
        given().get(BASE).then().statusCode(401);
        given().header("Authorization", AGENT).get(BASE).then().body("entities.id", hasItem(id))
                .body("entities.name", not(hasItem("mine")));
    }

    static String create(String name) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", name))
                .post(BASE).then().statusCode(200).extract().path("id");
    }
}
