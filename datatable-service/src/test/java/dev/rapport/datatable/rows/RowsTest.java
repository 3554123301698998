package dev.rapport.datatable.rows;

import static dev.rapport.datatable.Api.TABLES;
import static dev.rapport.datatable.Api.asAdmin;
import static dev.rapport.datatable.Api.asService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.rapport.contract.Attribution;
import dev.rapport.contract.CloudEventHeaders;
import dev.rapport.contract.DataTableChange;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Roles;
import dev.rapport.contract.Topics;
import dev.rapport.datatable.Api;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "datatable"))
class RowsTest {
    private static final String ROWS = TABLES + "/{id}/rows";
    private static final String ROW = TABLES + "/{id}/rows/{key}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void createdRowTakesDefaultsAndIsReadBriefUnlessAskedInFull() {
        String id = Api.createSampleTable(Api.uniqueName("Rows"));
        asAdmin().body("{\"KEY\": \"27272\", \"myInt\": 7, \"myBool\": true}").post(ROWS, id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("key", equalTo("27272")).body("myInt", equalTo(7)).body("myBool", equalTo(true))
                .body("myDec", equalTo(0)).body("myText", equalTo("none"));

        asAdmin().get(ROW, id, "27272").then().statusCode(200).header("ETag", "\"1\"")
                .body("key", equalTo("27272")).body("$", not(hasKey("myInt")));
        asAdmin().queryParam("showbrief", false).get(ROW, id, "27272").then().statusCode(200)
                .body("myInt", equalTo(7)).body("myText", equalTo("none"));
        asAdmin().body("{\"key\": \"27272\"}").post(ROWS, id).then().statusCode(409);
        asAdmin().get(ROW, id, "nope").then().statusCode(404).body("code", equalTo("not.found"));
    }

    @Test
    void listPagesAndSortsRowsBriefByDefault() {
        String id = Api.createSampleTable(Api.uniqueName("Listed"));
        for (String key : List.of("b", "a", "d", "c")) {
            asAdmin().body("{\"key\": \"" + key + "\", \"myDec\": 1.5}").post(ROWS, id).then().statusCode(200);
        }
        asAdmin().queryParam("pageSize", 3).get(ROWS, id).then().statusCode(200)
                .body("total", equalTo(4)).body("pageCount", equalTo(2))
                .body("entities.key", contains("a", "b", "c")).body("entities[0]", not(hasKey("myDec")))
                .body("nextUri", containsString("pageNumber=2"));
        asAdmin().queryParam("pageSize", 3).queryParam("pageNumber", 2).get(ROWS, id).then()
                .body("entities.key", contains("d")).body("nextUri", nullValue());
        asAdmin().queryParam("showbrief", false).queryParam("sortOrder", "desc").get(ROWS, id).then()
                .body("entities.key", contains("d", "c", "b", "a")).body("entities[0].myDec", equalTo(1.5f));
    }

    @Test
    void everyValueIsCheckedAndABadRowWritesNothing() {
        String id = Api.createSampleTable(Api.uniqueName("Strict"));
        refused(id, "{\"key\": \"r1\", \"myInt\": \"seven\"}", "myInt");
        refused(id, "{\"key\": \"r1\", \"myInt\": 7.5}", "myInt");
        refused(id, "{\"key\": \"r1\", \"myBool\": \"true\"}", "myBool");
        refused(id, "{\"key\": \"r1\", \"myText\": 12}", "myText");
        refused(id, "{\"key\": \"r1\", \"colour\": \"blue\"}", "colour");
        refused(id, "{\"key\": \"\", \"myInt\": 1}", "key");
        refused(id, "{\"myInt\": 1}", "key");
        refused(id, "{\"key\": \"" + "9".repeat(257) + "\"}", "key");
        refused(id, "{\"key\": 1234}", "KEY".toLowerCase());
        asAdmin().body("not json").post(ROWS, id).then().statusCode(400).body("details[0].fieldName", equalTo("body"));
        asAdmin().body("[1]").post(ROWS, id).then().statusCode(400).body("details[0].fieldName", equalTo("body"));
        asAdmin().get(ROW, id, "r1").then().statusCode(404);
        asAdmin().get(ROWS, id).then().body("total", equalTo(0));
        asAdmin().body("{\"key\": \"" + "9".repeat(256) + "\"}").post(ROWS, id).then().statusCode(200);
        asAdmin().body("{\"key\": \"r1\"}").post(ROWS, "no-such-table").then().statusCode(404);
    }

    @Test
    void putReplacesTheWholeRowAndThePathKeyWins() {
        String id = Api.createSampleTable(Api.uniqueName("Replace"));
        asAdmin().body("{\"key\": \"k\", \"myInt\": 3, \"myText\": \"kept?\"}").post(ROWS, id).then().statusCode(200);
        asAdmin().body("{\"KEY\": \"other\", \"myBool\": true}").put(ROW, id, "k").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("key", equalTo("k")).body("myBool", equalTo(true)).body("myInt", equalTo(0))
                .body("myText", equalTo("none"));
        asAdmin().get(ROW, id, "other").then().statusCode(404);
        asAdmin().body("{\"myInt\": \"x\"}").put(ROW, id, "k").then().statusCode(400);
        asAdmin().body("{\"myInt\": 1}").put(ROW, id, "missing").then().statusCode(404);
        asAdmin().queryParam("showbrief", false).get(ROW, id, "k").then().body("myBool", equalTo(true));
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndNothingIsLost() {
        String id = Api.createSampleTable(Api.uniqueName("Concurrent"));
        asAdmin().body("{\"key\": \"k\"}").post(ROWS, id).then().statusCode(200).header("ETag", "\"1\"");
        asAdmin().header("If-Match", "\"1\"").body("{\"myInt\": 1}").put(ROW, id, "k").then().statusCode(200)
                .header("ETag", "\"2\"");
        asAdmin().header("If-Match", "\"1\"").body("{\"myInt\": 2}").put(ROW, id, "k").then().statusCode(412)
                .body("code", equalTo("precondition.failed"));
        asAdmin().header("If-Match", "\"1\"").delete(ROW, id, "k").then().statusCode(412);
        asAdmin().queryParam("showbrief", false).get(ROW, id, "k").then().body("myInt", equalTo(1));
        asAdmin().header("If-Match", "W/\"2\"").delete(ROW, id, "k").then().statusCode(204);
        asAdmin().get(ROW, id, "k").then().statusCode(404);
        // Created again, the row goes on from version 3: the old ETag "1" cannot match it.
        asAdmin().body("{\"key\": \"k\"}").post(ROWS, id).then().statusCode(200).header("ETag", "\"3\"");
        asAdmin().header("If-Match", "\"1\"").delete(ROW, id, "k").then().statusCode(412);
    }

    @Test
    void historyKeepsWhoWhenAndTheOldAndNewValuesEvenAfterDelete() {
        String id = Api.createSampleTable(Api.uniqueName("History"));
        asAdmin().body("{\"key\": \"k\", \"myInt\": 1}").post(ROWS, id).then().statusCode(200);
        asService().body("{\"myInt\": 2}").put(ROW, id, "k").then().statusCode(200);
        asAdmin().delete(ROW, id, "k").then().statusCode(204);

        asAdmin().get(ROW + "/history", id, "k").then().statusCode(200)
                .body("total", equalTo(3))
                .body("entities.operation", contains("deleted", "updated", "created"))
                .body("entities.changedBy", contains("ada", "action-service", "ada"))
                .body("entities[1].oldValues.myInt", equalTo(1)).body("entities[1].newValues.myInt", equalTo(2))
                .body("entities[0].newValues", nullValue()).body("entities[2].oldValues", nullValue())
                .body("entities[0].changedAt", org.hamcrest.Matchers.notNullValue());
        asAdmin().get(ROW + "/history", id, "never").then().statusCode(404);
    }

    @Test
    void onlyATrustedServiceClientMayNameThePersonItActsFor() {
        String id = Api.createSampleTable(Api.uniqueName("Attributed"));
        String alexViaUpdateCase = new Attribution("alex", "Alex Agent", "Update Case").headerValue();
        asService().header(Attribution.HEADER, alexViaUpdateCase).body("{\"key\": \"k\", \"myInt\": 1}")
                .post(ROWS, id).then().statusCode(200);
        asService().header(Attribution.HEADER, alexViaUpdateCase).body("{\"myInt\": 2}").put(ROW, id, "k")
                .then().statusCode(200);
        // Forgeries: an admin, an admin whose name is the trusted client's, a service client not on the list, and a
        // header that does not read are all recorded as the caller; an agent may not write rows at all.
        asAdmin().header(Attribution.HEADER, alexViaUpdateCase).body("{\"myInt\": 3}").put(ROW, id, "k")
                .then().statusCode(200);
        Api.as("action-service", Roles.ADMIN).header(Attribution.HEADER, alexViaUpdateCase).body("{\"myInt\": 4}")
                .put(ROW, id, "k").then().statusCode(200);
        Api.as("script-service", Roles.SERVICE).header(Attribution.HEADER, alexViaUpdateCase)
                .body("{\"myInt\": 5}").put(ROW, id, "k").then().statusCode(200);
        asService().header(Attribution.HEADER, "user=alex&user=ceo").body("{\"myInt\": 6}").put(ROW, id, "k")
                .then().statusCode(200);
        Api.asAgent().header(Attribution.HEADER, alexViaUpdateCase).body("{\"myInt\": 7}").put(ROW, id, "k")
                .then().statusCode(403);

        asAdmin().get(ROW + "/history", id, "k").then().statusCode(200)
                .body("entities.changedBy", contains("action-service", "script-service", "action-service", "ada",
                        "alex via Update Case", "alex via Update Case"))
                .body("entities.principal", contains("action-service", "script-service", "action-service", "ada",
                        "action-service", "action-service"))
                .body("entities[4].onBehalfOf.userId", equalTo("alex"))
                .body("entities[4].onBehalfOf.name", equalTo("Alex Agent"))
                .body("entities[4].onBehalfOf.action", equalTo("Update Case"))
                .body("entities[5].newValues.myInt", equalTo(1))
                .body("entities[0]", not(hasKey("onBehalfOf"))).body("entities[3]", not(hasKey("onBehalfOf")));
    }

    @Test
    void everyCommittedChangeIsAnnouncedKeyedByTableAndRow() {
        String id = Api.createSampleTable(Api.uniqueName("Announced"));
        asAdmin().body("{\"key\": \"k\", \"myInt\": 1}").post(ROWS, id).then().statusCode(200);
        asAdmin().body("{\"key\": \"k\", \"myInt\": \"bad\"}").put(ROW, id, "k").then().statusCode(400);
        asAdmin().body("{\"myInt\": 2}").put(ROW, id, "k").then().statusCode(200);
        asAdmin().delete(ROW, id, "k").then().statusCode(204);

        List<ConsumerRecord<String, String>> events = new TopicProbe(bootstrap).read(Topics.DATATABLE_CHANGES,
                r -> (id + ":k").equals(r.key()), 3, Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(events).extracting(r -> KafkaCloudEvents.header(r.headers(), CloudEventHeaders.TYPE))
                .containsExactly(EventTypes.DATATABLE_ROW_UPSERTED, EventTypes.DATATABLE_ROW_UPSERTED,
                        EventTypes.DATATABLE_ROW_DELETED);
        List<DataTableChange> changes = events.stream()
                .map(r -> EventSchemas.DATATABLE_CHANGE.parse(r.value(), DataTableChange.class)).toList();
        assertThat(changes).extracting(DataTableChange::version).containsExactly(1L, 2L, 2L);
        assertThat(changes.get(1).row()).containsEntry("key", "k").containsEntry("myInt", 2);
        assertThat(changes).allSatisfy(c -> assertThat(c.tableId()).isEqualTo(id));
    }

    @Test
    void theServiceIdentityReadsAndWritesRowsAgentsMayNot() {
        String id = Api.createSampleTable(Api.uniqueName("Roles"));
        asService().body("{\"key\": \"s\"}").post(ROWS, id).then().statusCode(200);
        asService().queryParam("showbrief", false).get(ROW, id, "s").then().statusCode(200);
        asService().get(ROWS, id).then().statusCode(200).body("entities.key", hasItem("s"));
        Api.asAgent().get(ROW, id, "s").then().statusCode(403);
        Api.asAgent().body("{\"key\": \"a\"}").post(ROWS, id).then().statusCode(403);
        io.restassured.RestAssured.given().get(ROWS, id).then().statusCode(401);
    }

    private static void refused(String id, String body, String field) {
        asAdmin().body(body).post(ROWS, id).then().statusCode(400).body("code", equalTo("bad.request"))
                .body("details.fieldName", hasItem(field));
    }
}
