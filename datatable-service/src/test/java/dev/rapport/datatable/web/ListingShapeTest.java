package dev.rapport.datatable.web;

import static dev.rapport.datatable.Api.TABLES;
import static dev.rapport.datatable.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import dev.rapport.datatable.Api;
import dev.rapport.testkit.GenesysListing;
import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every list endpoint of the service answers Genesys's full listing, links and all, and refuses a bad page. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "datatable"))
class ListingShapeTest {

    @Test
    void rowsTablesHistoryAndImportJobsAreGenesysListings() {
        String id = Api.createSampleTable(Api.uniqueName("Shape"));
        String rows = TABLES + "/" + id + "/rows";
        for (String key : new String[] {"a", "b", "c", "d", "e"}) {
            asAdmin().body("{\"key\": \"" + key + "\"}").post(rows).then().statusCode(200);
        }
        for (int page = 1; page <= 3; page++) {
            GenesysListing.assertPage(get(rows, page, 2), rows, page, 2, 5);
        }
        Map<String, Object> tables = get(TABLES, 1, 1);
        GenesysListing.assertPage(tables, TABLES, 1, 1, ((Number) tables.get("total")).longValue());
        asAdmin().body("{\"key\": \"a\", \"myInt\": 2}").put(rows + "/a").then().statusCode(200);
        GenesysListing.assertPage(get(rows + "/a/history", 2, 1), rows + "/a/history", 2, 1, 2);
        GenesysListing.assertPage(get(TABLES + "/" + id + "/import/jobs", 1, 25), TABLES + "/" + id + "/import/jobs",
                1, 25, 0);
    }

    @Test
    void aPageOutOfBoundsIsRefusedNamingTheField() {
        asAdmin().queryParam("pageSize", 0).get(TABLES).then().statusCode(400).body("code", equalTo("bad.request"))
                .body("details[0].fieldName", equalTo("pageSize"));
        asAdmin().queryParam("pageNumber", 0).get(TABLES).then().statusCode(400)
                .body("details[0].fieldName", equalTo("pageNumber"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(String path, int pageNumber, int pageSize) {
        return asAdmin().queryParam("pageNumber", pageNumber).queryParam("pageSize", pageSize).get(path).then()
                .statusCode(200).extract().as(Map.class);
    }
}
