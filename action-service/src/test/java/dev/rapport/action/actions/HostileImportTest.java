package dev.rapport.action.actions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.support.LoopbackResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The import corpus: hostile files answer Genesys's error body naming the field, and nothing is written. */
@QuarkusTest
@WithTestResource(value = LoopbackResource.class, initArgs = @ResourceArg(name = "database", value = "action"))
class HostileImportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    long actions() throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM data_action")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String workshopWith(String pointer, String json) throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(Files.readString(ActionApiTest.FIXTURES.resolve(ActionApiTest.WORKSHOP)));
        String[] parts = pointer.split("/");
        ObjectNode parent = (ObjectNode) file.at(String.join("/", java.util.Arrays.copyOf(parts, parts.length - 1)));
        parent.set(parts[parts.length - 1], JSON.readTree(json));
        return file.toString();
    }

    @Test
    void hostileImportsAreRefusedNamingTheFieldAndWriteNothing() throws Exception {
        String integration = ActionApiTest.integration("purecloud-data-actions", "Hostile");
        long before = actions();
        Map<String, String> corpus = new java.util.LinkedHashMap<>();
        corpus.put("[]", "body");
        corpus.put("\"just a string\"", "body");
        corpus.put("{\"config\": []}", "config");
        corpus.put(workshopWith("/contract/input/inputSchema/properties/ANI/type", "\"strng\""),
                "contract.input.inputSchema.properties.ANI.type");
        corpus.put(workshopWith("/contract/input/inputSchema/type", "5"), "contract.input.inputSchema.type");
        corpus.put(workshopWith("/contract/input/inputSchema/properties/ANI",
                "{\"$ref\": \"http://127.0.0.1:5432/schema.json\"}"), "contract.input.inputSchema.properties.ANI.$ref");
        corpus.put(workshopWith("/contract/output/successSchema/$ref", "\"https://example.com/s.json#\""),
                "contract.output.successSchema.$ref");
        corpus.put(workshopWith("/config/request/requestUrlTemplate", "\"/x/#foreach($i in [1..$n])$i#end\""),
                "config.request.requestUrlTemplate");
        for (Map.Entry<String, String> c : corpus.entrySet()) {
            given().header("Authorization", ActionApiTest.admin()).contentType(ContentType.JSON).body(c.getKey())
                    .queryParam("integrationId", integration)
                    .post("/api/v2/integrations/actions/import").then().log().ifValidationFails()
                    .statusCode(400)
                    .body("status", equalTo(400)).body("code", equalTo("bad.request")).body("message", notNullValue())
                    .body("details[0].fieldName", equalTo(c.getValue()));
        }
        // create and update check the same way
        given().header("Authorization", ActionApiTest.admin()).contentType(ContentType.JSON).body("[]")
                .post("/api/v2/integrations/actions").then().statusCode(400)
                .body("details[0].fieldName", equalTo("body"));
        assertThat(actions()).isEqualTo(before);
    }
}
