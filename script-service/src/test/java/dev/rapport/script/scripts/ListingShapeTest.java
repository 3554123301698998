package dev.rapport.script.scripts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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

/** Scripts and inbound flows are listed in Genesys's full listing shape, and a bad page is refused. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class ListingShapeTest {
    static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);

    @Test
    void scriptsAndFlowsAreGenesysListings() {
        String tag = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            ScriptApiTest.create(ScriptApiTest.workshopJson("Listed " + i + " " + tag));
            given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body("""
                            {"name": "Listed %d %s", "match": {"isDefault": false, "dnis": [], "queues": []}, "steps": []}
                            """.formatted(i, tag))
                    .post("/api/v2/flows/inbound").then().statusCode(201);
        }
        for (String path : new String[] {"/api/v2/scripts", "/api/v2/flows/inbound"}) {
            long total = ((Number) get(path, 1, 1).get("total")).longValue();
            GenesysListing.assertPage(get(path, 2, 1), path, 2, 1, total);
            GenesysListing.assertPage(get(path, 1, 500), path, 1, 500, total);
        }
    }

    @Test
    void aPageOutOfBoundsIsRefusedNamingTheField() {
        given().header("Authorization", ADMIN).queryParam("pageSize", 0).get("/api/v2/flows/inbound").then()
                .statusCode(400).body("code", equalTo("bad.request")).body("details[0].fieldName", equalTo("pageSize"));
        given().header("Authorization", ADMIN).queryParam("pageNumber", 0).get("/api/v2/scripts").then()
                .statusCode(400).body("details[0].fieldName", equalTo("pageNumber"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(String path, int pageNumber, int pageSize) {
        return given().header("Authorization", ADMIN).queryParam("pageNumber", pageNumber)
                .queryParam("pageSize", pageSize).get(path).then().statusCode(200).extract().as(Map.class);
    }
}
