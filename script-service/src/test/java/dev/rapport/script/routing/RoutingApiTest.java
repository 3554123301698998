package dev.rapport.script.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.DirectoryUser;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.Roles;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The routing APIs' contract: Genesys's shapes, 400 naming the field, 404, 409 on a taken name. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class RoutingApiTest {
    static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);
    static final String QUEUES = "/api/v2/routing/queues";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aQueueIsCreatedReadChangedAndDeletedWithItsNameUniqueRegardlessOfCase() {
        String name = "Billing " + UUID.randomUUID();
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "inQueueTimeoutSeconds", 600)).post(QUEUES).then().statusCode(200)
                .body("name", equalTo(name)).body("mediaSettings.call.alertingTimeoutSeconds", equalTo(8))
                .body("inQueueTimeoutSeconds", equalTo(600)).body("memberCount", equalTo(0))
                .body("selfUri", containsString(QUEUES + "/")).extract().path("id");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", name.toUpperCase()))
                .post(QUEUES).then().statusCode(409).body("details[0].fieldName", equalTo("name"));
        given().header("Authorization", ADMIN).get(QUEUES + "?name={n}", name.substring(0, 20)).then()
                .statusCode(200).body("entities.id", hasItem(id));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "mediaSettings", Map.of("call", Map.of("alertingTimeoutSeconds", 15))))
                .put(QUEUES + "/{id}", id).then().statusCode(200)
                .body("mediaSettings.call.alertingTimeoutSeconds", equalTo(15)).body("version", equalTo(2));
        given().header("Authorization", ADMIN).delete(QUEUES + "/{id}", id).then().statusCode(204);
        given().header("Authorization", ADMIN).get(QUEUES + "/{id}", id).then().statusCode(404);
        given().header("Authorization", ADMIN).get(QUEUES + "/not-an-id").then().statusCode(404);
    }

    @Test
    void aBadQueueIsA400NamingTheField() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("description", "x"))
                .post(QUEUES).then().statusCode(400).body("details[0].fieldName", equalTo("name"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Q " + UUID.randomUUID(), "mediaSettings",
                        Map.of("call", Map.of("alertingTimeoutSeconds", 0))))
                .post(QUEUES).then().statusCode(400)
                .body("details[0].fieldName", equalTo("mediaSettings.call.alertingTimeoutSeconds"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Q " + UUID.randomUUID(), "inQueueTimeoutSeconds", "soon"))
                .post(QUEUES).then().statusCode(400).body("details[0].fieldName", equalTo("inQueueTimeoutSeconds"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", "a\nb"))
                .post(QUEUES).then().statusCode(400).body("details[0].fieldName", equalTo("name"));
    }

    @Test
    void membersAreUsersOfTheDirectory() {
        String user = "member-" + UUID.randomUUID().toString().substring(0, 8);
        new TopicProbe(bootstrap).send(KafkaCloudEvents.toRecord(Topics.USERS, new CloudEvent(
                UUID.randomUUID().toString(), EventTypes.USER_UPDATED, "/test", user, Instant.now(),
                EventJson.write(new DirectoryUser(user, "Mem Ber", null, List.of(Roles.AGENT)))), null));
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Members " + UUID.randomUUID())).post(QUEUES).then().statusCode(200)
                .extract().path("id");
        String members = QUEUES + "/" + id + "/members";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("id", user))
                .post(members).then().statusCode(400).body("details[0].fieldName", equalTo("body"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(List.of(Map.of("id", "nobody")))
                .post(members).then().statusCode(400).body("details[0].fieldName", equalTo("[0].id"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(List.of(Map.of("name", "x")))
                .post(members).then().statusCode(400).body("details[0].fieldName", equalTo("[0].id"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON).body(List.of(Map.of("id", user))).post(members).then().statusCode(204));
        given().header("Authorization", ADMIN).get(members).then().statusCode(200).body("total", equalTo(1))
                .body("entities[0].id", equalTo(user)).body("entities[0].user.name", equalTo("Mem Ber"))
                .body("entities[0].routingStatus.status", equalTo("OFF_QUEUE"));
        given().header("Authorization", ADMIN).get(QUEUES + "/{id}", id).then().body("memberCount", equalTo(1));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(List.of(Map.of("id", user)))
                .post(members + "?delete=true").then().statusCode(204);
        given().header("Authorization", ADMIN).get(members).then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", ADMIN).get(QUEUES + "/" + UUID.randomUUID() + "/members").then()
                .statusCode(404);

        // the user's skills and languages
        String skill = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Spanish " + UUID.randomUUID())).post("/api/v2/routing/languages")
                .then().statusCode(200).body("state", equalTo("active")).extract().path("id");
        String path = "/api/v2/users/" + user + "/routinglanguages";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("id", UUID.randomUUID().toString())).post(path).then().statusCode(400)
                .body("details[0].fieldName", equalTo("id"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("id", skill, "proficiency", 9))
                .post(path).then().statusCode(400).body("details[0].fieldName", equalTo("proficiency"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("id", skill, "proficiency", 4))
                .post(path).then().statusCode(200).body("proficiency", equalTo(4.0f))
                .body("languageUri", equalTo("/api/v2/routing/languages/" + skill));
        given().header("Authorization", ADMIN).get(path).then().statusCode(200).body("entities.id", hasItem(skill));
        // a language is not a skill
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("id", skill))
                .post("/api/v2/users/" + user + "/routingskills").then().statusCode(400)
                .body("details[0].fieldName", equalTo("id"));
        given().header("Authorization", ADMIN).delete(path + "/{id}", skill).then().statusCode(204);
        given().header("Authorization", ADMIN).delete(path + "/{id}", skill).then().statusCode(404);
        given().header("Authorization", ADMIN).get("/api/v2/users/nobody/routinglanguages").then().statusCode(404);
        // an agent reads their own, not someone else's
        given().header("Authorization", TestTokens.get().bearer(user, Roles.AGENT)).get(path).then().statusCode(200);
        given().header("Authorization", TestTokens.get().bearer("other", Roles.AGENT)).get(path).then()
                .statusCode(403);
    }

    @Test
    void skillsHaveUniqueNamesAndGoAway() {
        String name = "Claims " + UUID.randomUUID();
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/v2/routing/skills").then().statusCode(200).body("name", equalTo(name))
                .extract().path("id");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name.toLowerCase())).post("/api/v2/routing/skills").then().statusCode(409)
                .body("details[0].fieldName", equalTo("name"));
        // the same name as a language is another thing
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/v2/routing/languages").then().statusCode(200);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", " "))
                .post("/api/v2/routing/skills").then().statusCode(400).body("details[0].fieldName", equalTo("name"));
        given().header("Authorization", ADMIN).get("/api/v2/routing/skills?name={n}", name).then().statusCode(200)
                .body("total", equalTo(1));
        given().header("Authorization", ADMIN).get("/api/v2/routing/languages/{id}", id).then().statusCode(404);
        given().header("Authorization", ADMIN).delete("/api/v2/routing/skills/{id}", id).then().statusCode(204);
        given().header("Authorization", ADMIN).get("/api/v2/routing/skills/{id}", id).then().statusCode(404);
    }

    @Test
    void aConversationsPriorityAndObservationsNameWhatIsWrong() {
        String conversation = "/api/v2/routing/conversations/" + UUID.randomUUID();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of())
                .patch(conversation).then().statusCode(400).body("details[0].fieldName", equalTo("priority"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("priority", "high"))
                .patch(conversation).then().statusCode(400).body("details[0].fieldName", equalTo("priority"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("skillIds", List.of("not-an-id"))).patch(conversation).then().statusCode(400)
                .body("details[0].fieldName", equalTo("skillIds[0]"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("priority", 3))
                .patch(conversation).then().statusCode(404);

        String observations = "/api/v2/analytics/queues/observations/query";
        String filter = "\"filter\":{\"type\":\"or\",\"predicates\":[{\"dimension\":\"queueId\",\"value\":\"q1\"}]}";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{" + filter + "}")
                .post(observations).then().statusCode(400).body("details[0].fieldName", equalTo("metrics"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{" + filter + ",\"metrics\":[\"oWaiting\",\"oBogus\"]}")
                .post(observations).then().statusCode(400).body("details[0].fieldName", equalTo("metrics[1]"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"filter\":{\"type\":\"and\",\"predicates\":[{\"dimension\":\"mediaType\",\"value\":\"voice\"}]},"
                        + "\"metrics\":[\"oWaiting\"]}")
                .post(observations).then().statusCode(400)
                .body("details[0].fieldName", equalTo("filter.predicates[0].dimension"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{" + filter + ",\"metrics\":[\"oOnQueueUsers\",\"oWaiting\"]}").post(observations)
                .then().statusCode(200).body("results[0].group.queueId", equalTo("q1"))
                .body("results[0].data.metric", not(hasItem("oOnQueueUsers"))) // no one on queue: no datum
                .body("results[0].data[0].stats.count", equalTo(0));
    }
}
