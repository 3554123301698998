package dev.rapport.datatable;

import static dev.rapport.datatable.Api.TABLES;
import static dev.rapport.datatable.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The limits are configuration: set low here, each is enforced with an error that says which. */
@QuarkusTest
@TestProfile(LimitsTest.SmallLimits.class)
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "datatable_limits"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.datatable.limits.max-rows-per-table", "3",
                    "rapport.datatable.limits.max-tables", "2",
                    "rapport.datatable.limits.max-fields", "5",
                    "rapport.datatable.limits.max-key-length", "6",
                    "rapport.datatable.limits.max-row-bytes", "200",
                    "rapport.datatable.import.max-upload-bytes", "200");
        }
    }

    @Test
    @Order(1)
    void rowsKeysFieldsAndUploadsStopAtTheirLimits() {
        String id = Api.createSampleTable(Api.uniqueName("Small"));
        for (String key : List.of("a", "b", "c")) {
            asAdmin().body("{\"key\": \"" + key + "\"}").post(TABLES + "/{id}/rows", id).then().statusCode(200);
        }
        asAdmin().body("{\"key\": \"d\"}").post(TABLES + "/{id}/rows", id).then().statusCode(400)
                .body("code", equalTo("limit.exceeded"));
        asAdmin().delete(TABLES + "/{id}/rows/a", id).then().statusCode(204);
        asAdmin().body("{\"key\": \"d\"}").post(TABLES + "/{id}/rows", id).then().statusCode(200);
        asAdmin().body("{\"key\": \"1234567\"}").put(TABLES + "/{id}/rows/1234567", id).then().statusCode(400)
                .body("details[0].fieldName", equalTo("rowId"));
        asAdmin().body("{\"myText\": \"" + "t".repeat(200) + "\"}").put(TABLES + "/{id}/rows/b", id).then()
                .statusCode(400).body("details.fieldName", hasItem("body"))
                .body("message", org.hamcrest.Matchers.containsString("max-row-bytes"));
        // A body is read up to four times max-row-bytes, then refused unparsed.
        asAdmin().body("{\"myText\": \"" + "t".repeat(1_000) + "\"}").put(TABLES + "/{id}/rows/b", id).then()
                .statusCode(400).body("details.fieldName", hasItem("body"))
                .body("message", org.hamcrest.Matchers.containsString("larger than 800 bytes"));

        // The table is full (b, c, d): an Append may change rows, and each new key fails alone.
        JsonPath job = importCsv(id, "key,myInt\nb,5\ne,6\n");
        assertThat(job.getLong("countRecordsChanged")).isEqualTo(1);
        assertThat(job.getLong("countRecordsFailed")).isEqualTo(1);
        assertThat(job.getString("failures[0].reason")).contains("full");

        String sixFields = "{\"name\": \"Wide\", \"schema\": {\"properties\": {\"key\": {\"title\": \"K\"}, "
                + "\"f1\": {\"type\": \"string\"}, \"f2\": {\"type\": \"string\"}, \"f3\": {\"type\": \"string\"}, "
                + "\"f4\": {\"type\": \"string\"}, \"f5\": {\"type\": \"string\"}, \"f6\": {\"type\": \"string\"}}}}";
        asAdmin().body(sixFields).post(TABLES).then().statusCode(400)
                .body("details.fieldName", hasItem("schema.properties"));

        String upload = asAdmin().body("{}").post(TABLES + "/{id}/import/csv/jobs", id).then().statusCode(200)
                .extract().path("uploadURI");
        asAdmin().contentType("text/csv").body("key\n" + "x\n".repeat(150)).put(upload).then().statusCode(413)
                .body("code", equalTo("payload.too.large"));
    }

    @Test
    @Order(2)
    void tablesStopAtTheirLimit() {
        Api.createSampleTable(Api.uniqueName("Second"));
        asAdmin().body(Api.sampleTable(Api.uniqueName("Third"))).post(TABLES).then().statusCode(400)
                .body("code", equalTo("limit.exceeded"));
    }

    private static JsonPath importCsv(String tableId, String csv) {
        JsonPath created = asAdmin().body(Map.of("importMode", "Append")).post(TABLES + "/{id}/import/csv/jobs", tableId)
                .then().statusCode(200).extract().jsonPath();
        asAdmin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).put(created.getString("uploadURI"))
                .then().statusCode(202);
        String jobUri = created.getString("selfUri");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                List.of("Succeeded", "Failed").contains(asAdmin().get(jobUri).then().extract().path("status")));
        return asAdmin().get(jobUri).then().extract().jsonPath();
    }
}
