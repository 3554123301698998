package dev.rapport.action.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.rapport.action.support.DataTableEmulator;
import dev.rapport.action.support.LoopbackResource;
import dev.rapport.contract.Roles;
import dev.rapport.testkit.GenesysListing;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Integrations, actions and drafts are listed in Genesys's full listing shape, and a bad page is refused. */
@QuarkusTest
@WithTestResource(value = LoopbackResource.class, initArgs = @ResourceArg(name = "database", value = "action"))
class ListingShapeTest {
    static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);

    @Test
    void everyListIsAGenesysListing() throws Exception {
        String integrationId = null;
        for (int i = 0; i < 3; i++) {
            integrationId = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body("{\"integrationType\":{\"id\":\"purecloud-data-actions\"},\"name\":\"Listed " + i + "\"}")
                    .post("/api/v2/integrations").then().statusCode(200).extract().path("id");
        }
        String workshop = Files.readString(DataTableEmulator.WORKSHOP);
        for (boolean publish : new boolean[] {true, false}) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(workshop)
                    .queryParam("integrationId", integrationId).queryParam("publish", publish)
                    .post("/api/v2/integrations/actions/import").then().statusCode(200);
        }
        for (String path : new String[] {"/api/v2/integrations", "/api/v2/integrations/actions",
                "/api/v2/integrations/actions/drafts"}) {
            long total = ((Number) get(path, 1, 1).get("total")).longValue();
            int middle = (int) Math.min(2, total);
            GenesysListing.assertPage(get(path, middle, 1), path, middle, 1, total);
            GenesysListing.assertPage(get(path, 1, 25), path, 1, 25, total);
        }
    }

    @Test
    void aPageOutOfBoundsIsRefusedNamingTheField() {
        given().header("Authorization", ADMIN).queryParam("pageSize", 501).get("/api/v2/integrations/actions").then()
                .statusCode(400).body("code", equalTo("bad.request")).body("details[0].fieldName", equalTo("pageSize"));
        given().header("Authorization", ADMIN).queryParam("pageNumber", 0).get("/api/v2/integrations").then()
                .statusCode(400).body("details[0].fieldName", equalTo("pageNumber"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(String path, int pageNumber, int pageSize) {
        return given().header("Authorization", ADMIN).queryParam("pageNumber", pageNumber)
                .queryParam("pageSize", pageSize).get(path).then().statusCode(200).extract().as(Map.class);
    }
}
