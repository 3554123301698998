package dev.rapport.datatable.tables;

import static dev.rapport.datatable.Api.TABLES;
import static dev.rapport.datatable.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.rapport.contract.CloudEventHeaders;
import dev.rapport.contract.DataTableChange;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Topics;
import dev.rapport.datatable.Api;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "datatable"))
class DataTablesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void createdTableIsReturnedWithItsNormalisedSchemaAndAnnounced() {
        String name = Api.uniqueName("Sample");
        String id = Api.createSampleTable(name);

        asAdmin().get(TABLES + "/{id}", id).then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo(name)).body("description", equalTo("sample"))
                .body("selfUri", equalTo(TABLES + "/" + id)).body("$", not(hasKey("schema")));
        asAdmin().queryParam("expand", "schema").get(TABLES + "/{id}", id).then().statusCode(200)
                .body("schema.title", equalTo(name))
                .body("schema.required", contains("key"))
                .body("schema.additionalProperties", equalTo(false))
                .body("schema.properties.key.title", equalTo("ANI"))
                .body("schema.properties.myInt.type", equalTo("integer"))
                .body("schema.properties.myInt.$id", equalTo("/properties/myInt"))
                .body("schema.properties.myText.default", equalTo("none"))
                .body("schema.properties.myDec.displayOrder", equalTo(3));

        List<ConsumerRecord<String, String>> events = new TopicProbe(bootstrap).read(Topics.DATATABLE_CHANGES,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30), Duration.ZERO);
        assertThat(KafkaCloudEvents.header(events.get(0).headers(), CloudEventHeaders.TYPE))
                .isEqualTo(EventTypes.DATATABLE_TABLE_CHANGED);
        DataTableChange change = EventSchemas.DATATABLE_CHANGE.parse(events.get(0).value(), DataTableChange.class);
        assertThat(change.reason()).isEqualTo("created");
        assertThat(change.changedBy()).isEqualTo("ada");
    }

    @Test
    void listPagesSortsAndFiltersByNameWithWildcards() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        for (String n : List.of("Alpha " + tag, "Beta " + tag, "Gamma " + tag)) {
            Api.createSampleTable(n);
        }
        asAdmin().queryParam("name", "*" + tag.toUpperCase()).queryParam("sortBy", "name")
                .queryParam("sortOrder", "descending").queryParam("pageSize", 2).get(TABLES).then().statusCode(200)
                .body("total", equalTo(3)).body("pageCount", equalTo(2)).body("pageSize", equalTo(2))
                .body("pageNumber", equalTo(1))
                .body("entities.name", contains("Gamma " + tag, "Beta " + tag))
                .body("entities[0]", not(hasKey("schema")))
                .body("nextUri", containsString("pageNumber=2")).body("previousUri", nullValue());
        asAdmin().queryParam("name", "alpha " + tag).queryParam("expand", "schema").get(TABLES).then()
                .body("total", equalTo(1)).body("entities[0].schema.properties.key.title", equalTo("ANI"));
        asAdmin().queryParam("name", "be*" + tag).get(TABLES).then().body("total", equalTo(1));
        asAdmin().queryParam("name", "*mm*").queryParam("pageSize", 500).get(TABLES).then()
                .body("entities.name", hasItem("Gamma " + tag));
        asAdmin().queryParam("name", "%" + tag).get(TABLES).then().body("total", equalTo(0));
        asAdmin().queryParam("sortBy", "colour").get(TABLES).then().statusCode(400)
                .body("details[0].fieldName", equalTo("sortBy"));
        asAdmin().queryParam("pageSize", 0).get(TABLES).then().statusCode(400)
                .body("details[0].fieldName", equalTo("pageSize"));
    }

    @Test
    void invalidSchemasAreRefusedNamingTheField() {
        refused("""
                {"properties": {"key": {"title": "ANI", "type": "string"}}, "additionalProperties": true}""",
                "schema.additionalProperties");
        refused("""
                {"properties": {"key": {"title": "ANI", "type": "string"}}, "required": ["key", "x"]}""",
                "schema.required");
        refused("""
                {"properties": {"x": {"title": "x", "type": "string"}}}""", "schema.properties.key");
        refused("""
                {"properties": {"key": {"title": "A/B", "type": "string"}}}""", "schema.properties.key.title");
        refused("""
                {"properties": {"key": {"title": "ANI"}, "age": {"type": "date"}}}""", "schema.properties.age.type");
        refused("""
                {"properties": {"key": {"title": "ANI"}, "age": {"type": "integer", "default": "old"}}}""",
                "schema.properties.age.default");
        refused("""
                {"properties": {"key": {"title": "ANI"}, "KEY": {"type": "string"}}}""", "schema.properties.KEY");
        refused("""
                {"properties": {"key": {"title": "ANI"}, "a": {"type": "string", "$id": "/properties/b"}}}""",
                "schema.properties.a.$id");
        String tooMany = IntStream.rangeClosed(1, 201).mapToObj(i -> "\"f" + i + "\": {\"type\": \"string\"}")
                .collect(Collectors.joining(","));
        refused("{\"properties\": {\"key\": {\"title\": \"ANI\"}, " + tooMany + "}}", "schema.properties");
        asAdmin().body("{\"name\": \"\", \"schema\": {}}").post(TABLES).then().statusCode(400)
                .body("details[0].fieldName", equalTo("name"));
        asAdmin().body("{\"name\": \"no schema\"}").post(TABLES).then().statusCode(400)
                .body("details[0].fieldName", equalTo("schema"));
    }

    @Test
    void twoTablesCannotShareANameWhateverTheCase() {
        String name = Api.uniqueName("Twin");
        Api.createSampleTable(name);
        asAdmin().body(Api.sampleTable(name.toUpperCase())).post(TABLES).then().statusCode(409)
                .body("details[0].fieldName", equalTo("name"));
    }

    @Test
    void updateAddsFieldsRenamesLabelsAndRemovesAFieldOnlyWhenAskedTo() {
        String id = Api.createSampleTable(Api.uniqueName("Evolving"));
        asAdmin().body("{\"key\": \"k1\", \"myInt\": 5, \"myText\": \"hello\"}").post(TABLES + "/{id}/rows", id)
                .then().statusCode(200);
        String renamedAndAdded = """
                {"name": "%s", "schema": {"properties": {
                  "key": {"title": "Phone", "type": "string"},
                  "myInt": {"title": "Visits", "type": "integer", "displayOrder": 1},
                  "myBool": {"type": "boolean", "displayOrder": 2},
                  "myDec": {"type": "number", "displayOrder": 3},
                  "myText": {"type": "string", "displayOrder": 4},
                  "added": {"type": "string", "displayOrder": 5, "default": "fresh"}}}}""";
        String name = Api.uniqueName("Evolved");
        asAdmin().body(renamedAndAdded.formatted(name)).put(TABLES + "/{id}", id).then().statusCode(200)
                .body("name", equalTo(name))
                .body("schema.properties.key.title", equalTo("Phone"))
                .body("schema.properties.myInt.title", equalTo("Visits"))
                .body("schema.properties.added.default", equalTo("fresh"));
        asAdmin().queryParam("showbrief", false).get(TABLES + "/{id}/rows/k1", id).then()
                .body("added", equalTo("fresh")).body("myInt", equalTo(5));

        String withoutMyText = """
                {"name": "%s", "schema": {"properties": {
                  "key": {"title": "Phone"}, "myInt": {"type": "integer"}, "myBool": {"type": "boolean"},
                  "myDec": {"type": "number"}, "added": {"type": "string"}}}}""".formatted(name);
        asAdmin().body(withoutMyText).put(TABLES + "/{id}", id).then().statusCode(400)
                .body("details[0].fieldName", equalTo("schema.properties.myText"))
                .body("message", containsString("removeFields"));
        String retyped = withoutMyText.replace("\"added\": {\"type\": \"string\"}", "\"added\": {\"type\": \"integer\"}");
        asAdmin().queryParam("removeFields", "myText").body(retyped).put(TABLES + "/{id}", id).then()
                .statusCode(400).body("details[0].fieldName", equalTo("schema.properties.added.type"));

        asAdmin().queryParam("removeFields", "myText").body(withoutMyText).put(TABLES + "/{id}", id).then()
                .statusCode(200).body("schema.properties", not(hasKey("myText")));
        asAdmin().queryParam("showbrief", false).get(TABLES + "/{id}/rows/k1", id).then()
                .body("$", not(hasKey("myText"))).body("myInt", equalTo(5));
        // Added back, the field does not bring its old values back.
        String backAgain = withoutMyText.replace("\"added\"", "\"myText\": {\"type\": \"string\"}, \"added\"");
        asAdmin().body(backAgain).put(TABLES + "/{id}", id).then().statusCode(200);
        asAdmin().queryParam("showbrief", false).get(TABLES + "/{id}/rows/k1", id).then().body("myText", equalTo(""));
    }

    @Test
    void deleteRemovesTheTableAndItsRowsForceIsAccepted() {
        String id = Api.createSampleTable(Api.uniqueName("Doomed"));
        asAdmin().body("{\"key\": \"k1\"}").post(TABLES + "/{id}/rows", id).then().statusCode(200);
        asAdmin().queryParam("force", true).delete(TABLES + "/{id}", id).then().statusCode(204);
        asAdmin().get(TABLES + "/{id}", id).then().statusCode(404).body("code", equalTo("not.found"));
        asAdmin().get(TABLES + "/{id}/rows/k1", id).then().statusCode(404);
        asAdmin().delete(TABLES + "/{id}", id).then().statusCode(404);
    }

    @Test
    void onlyAdminsManageTables() {
        io.restassured.RestAssured.given().get(TABLES).then().statusCode(401);
        Api.asAgent().get(TABLES).then().statusCode(403).body("code", equalTo("missing.any.permissions"));
        Api.asService().body(Api.sampleTable(Api.uniqueName("Sneaky"))).post(TABLES).then().statusCode(403);
        Api.as("sue", dev.rapport.contract.Roles.SUPERVISOR).get(TABLES).then().statusCode(403);
    }

    private static void refused(String schema, String field) {
        asAdmin().body("{\"name\": \"" + Api.uniqueName("Bad") + "\", \"schema\": " + schema + "}").post(TABLES)
                .then().statusCode(400).body("code", equalTo("bad.request"))
                .body("details.fieldName", hasItem(field));
    }
}
