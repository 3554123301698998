package dev.rapport.datatable;

import static dev.rapport.datatable.Api.TABLES;
import static dev.rapport.datatable.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The workshop "Meaningful Interactions Part 1": its table "Health Client Services" and two rows, created as the
 * admin does, then updated by the workshop's data action exactly as that action renders its request.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "datatable"))
class WorkshopTableTest {
    private static final String MAP = "https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d3151.8!2d-104.99!3d39.74";
    private static final Pattern INPUT = Pattern.compile("\\$\\{input\\.([A-Za-z0-9_]+)}");

    @Test
    void theWorkshopTableAndRowsAreCreatedAndTheDataActionUpdatesARow() throws Exception {
        // The name must be free: another run of this test in the same database would already have it.
        asAdmin().queryParam("name", "Health Client Services").get(TABLES).then().body("total", equalTo(0));
        String tableId = asAdmin().body("""
                {"name": "Health Client Services",
                 "schema": {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
                   "required": ["key"], "additionalProperties": false,
                   "properties": {
                     "key": {"title": "ANI", "type": "string", "$id": "/properties/key", "displayOrder": 0},
                     "CustomerName": {"title": "CustomerName", "type": "string", "$id": "/properties/CustomerName", "displayOrder": 1},
                     "CaseStatus": {"title": "CaseStatus", "type": "string", "$id": "/properties/CaseStatus", "displayOrder": 2},
                     "Services": {"title": "Services", "type": "string", "$id": "/properties/Services", "displayOrder": 3},
                     "EmbeddedMap": {"title": "EmbeddedMap", "type": "string", "$id": "/properties/EmbeddedMap", "displayOrder": 4},
                     "KBURL": {"title": "KBURL", "type": "string", "$id": "/properties/KBURL", "displayOrder": 5}
                   }}}""").post(TABLES).then().statusCode(200)
                .body("schema.properties.key.title", equalTo("ANI")).extract().path("id");

        // Row 1: the caller's number without E.164 or dashes, services pipe-separated. Row 2: 1234, blank fields.
        asAdmin().body("""
                {"KEY": "7204276664", "CustomerName": "Jane Doe", "CaseStatus": "Open",
                 "Services": "Insurance|Childcare", "EmbeddedMap": "%s", "KBURL": "https://www.genesys.com"}"""
                .formatted(MAP)).post(TABLES + "/{id}/rows", tableId).then().statusCode(200);
        asAdmin().body("{\"KEY\": \"1234\"}").post(TABLES + "/{id}/rows", tableId).then().statusCode(200)
                .body("CustomerName", equalTo("")).body("KBURL", equalTo(""));

        asAdmin().queryParam("showbrief", false).get(TABLES + "/{id}/rows/7204276664", tableId).then()
                .statusCode(200).body("CustomerName", equalTo("Jane Doe")).body("Services", equalTo("Insurance|Childcare"))
                .body("EmbeddedMap", equalTo(MAP));

        // The data action, tested with ANI=1234 and the table's id, as in the workshop.
        JsonNode action;
        try (InputStream in = getClass().getResourceAsStream(
                "/genesys/ArchitectWorkshopContent__Architect-WS-Data-Table-Update.json")) {
            action = new ObjectMapper().readTree(in);
        }
        JsonNode request = action.path("config").path("request");
        Map<String, String> input = new LinkedHashMap<>();
        input.put("ANI", "1234");
        input.put("DataTableID", tableId);
        input.put("CustomerName", "John Smith");
        input.put("CaseStatus", "Resolved");
        input.put("Services", "Dental");
        input.put("EmbeddedMap", MAP);
        input.put("KBURL", "https://help.mypurecloud.com");
        String url = render(request.path("requestUrlTemplate").asText(), input);
        String body = render(request.path("requestTemplate").asText(), input);
        assertThat(request.path("requestType").asText()).isEqualTo("PUT");
        assertThat(url).isEqualTo(TABLES + "/" + tableId + "/rows/1234");

        Api.asService().body(body).request(request.path("requestType").asText(), url).then().statusCode(200)
                .body("key", equalTo("1234")).body("CaseStatus", equalTo("Resolved"));

        Api.asService().queryParam("showbrief", false).get(TABLES + "/{id}/rows/1234", tableId).then()
                .body("CustomerName", equalTo("John Smith")).body("CaseStatus", equalTo("Resolved"))
                .body("Services", equalTo("Dental")).body("KBURL", equalTo("https://help.mypurecloud.com"));
        asAdmin().get(TABLES + "/{id}/rows/1234/history", tableId).then()
                .body("entities[0].changedBy", equalTo("action-service"))
                .body("entities[0].oldValues.CaseStatus", equalTo("")).body("entities[0].newValues.CaseStatus",
                        equalTo("Resolved"));
    }

    /** The action's templates use only {@code ${input.X}}, which Velocity replaces by the input's text. */
    private static String render(String template, Map<String, String> input) {
        Matcher m = INPUT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(input.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
