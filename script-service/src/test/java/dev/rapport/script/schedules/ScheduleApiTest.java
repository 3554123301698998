package dev.rapport.script.schedules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.rapport.contract.Roles;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Genesys's /api/v2/architect/schedules and /schedulegroups: shapes, 400s naming the field, 404, versions, roles. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class ScheduleApiTest {
    static final String SCHEDULES = "/api/v2/architect/schedules";
    static final String GROUPS = "/api/v2/architect/schedulegroups";
    static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);
    static final String SUPERVISOR = TestTokens.get().bearer("sam", Roles.SUPERVISOR);
    static final String AGENT = TestTokens.get().bearer("alex", Roles.AGENT);

    static Map<String, Object> weekdays(String name) {
        return Map.of("name", name, "start", "2025-01-06T09:00:00.000", "end", "2025-01-06T17:00:00.000",
                "rrule", "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR");
    }

    static String create(String path, Object body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(200).extract().path("id");
    }

    @Test
    void aScheduleIsCreatedReadUpdatedWithItsVersionAndDeleted() {
        String name = "Weekdays " + UUID.randomUUID();
        String id = create(SCHEDULES, weekdays(name));
        given().header("Authorization", SUPERVISOR).get(SCHEDULES + "/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"").body("name", equalTo(name)).body("version", equalTo(1))
                .body("start", equalTo("2025-01-06T09:00:00.000")).body("end", equalTo("2025-01-06T17:00:00.000"))
                .body("rrule", equalTo("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR"))
                .body("state", equalTo("active")).body("selfUri", equalTo(SCHEDULES + "/" + id));
        given().header("Authorization", SUPERVISOR).queryParam("name", name.substring(9)).get(SCHEDULES)
                .then().statusCode(200).body("entities.id", hasItem(id)).body("total", equalTo(1))
                .body("pageNumber", equalTo(1));

        Map<String, Object> changed = new java.util.HashMap<>(weekdays(name));
        changed.put("end", "2025-01-06T18:00:00");
        changed.put("version", 3);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(changed)
                .put(SCHEDULES + "/{id}", id).then().statusCode(409).body("details[0].fieldName", equalTo("version"));
        changed.remove("version");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).header("If-Match", "\"9\"").body(changed)
                .put(SCHEDULES + "/{id}", id).then().statusCode(412);
        changed.put("version", 1);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(changed)
                .put(SCHEDULES + "/{id}", id).then().statusCode(200).header("ETag", "\"2\"")
                .body("end", equalTo("2025-01-06T18:00:00.000")).body("modifiedBy", equalTo("ada"));

        given().header("Authorization", ADMIN).delete(SCHEDULES + "/{id}", id).then().statusCode(204);
        given().header("Authorization", ADMIN).get(SCHEDULES + "/{id}", id).then().statusCode(404)
                .body("code", equalTo("not.found"));
        given().header("Authorization", ADMIN).get(SCHEDULES + "/{id}", "not-an-id").then().statusCode(404);
    }

    @Test
    void badSchedulesAre400sNamingTheField() {
        Map<String, Object> monthly = new java.util.HashMap<>(weekdays("Monthly " + UUID.randomUUID()));
        monthly.put("rrule", "FREQ=MONTHLY;BYMONTHDAY=1");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(monthly).post(SCHEDULES)
                .then().statusCode(400).body("details[0].fieldName", equalTo("rrule"))
                .body("message", containsString("FREQ=MONTHLY"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "No start " + UUID.randomUUID(), "end", "2025-01-06T17:00:00.000")).post(SCHEDULES)
                .then().statusCode(400).body("details[0].fieldName", equalTo("start"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Zoned " + UUID.randomUUID(), "start", "2025-01-06T09:00:00Z",
                        "end", "2025-01-06T17:00:00.000")).post(SCHEDULES)
                .then().statusCode(400).body("details[0].fieldName", equalTo("start"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Backwards " + UUID.randomUUID(), "start", "2025-01-06T17:00:00.000",
                        "end", "2025-01-06T09:00:00.000")).post(SCHEDULES)
                .then().statusCode(400).body("details[0].fieldName", equalTo("end"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(weekdays(" ")).post(SCHEDULES)
                .then().statusCode(400).body("details[0].fieldName", equalTo("name"));
        String name = "Twice " + UUID.randomUUID();
        create(SCHEDULES, weekdays(name));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(weekdays(name.toUpperCase()))
                .post(SCHEDULES).then().statusCode(409);
    }

    @Test
    void aGroupNamesItsSchedulesInItsTimeZoneAndKeepsThemFromDeletion() {
        String open = create(SCHEDULES, weekdays("Open " + UUID.randomUUID()));
        String holiday = create(SCHEDULES, Map.of("name", "July 4 " + UUID.randomUUID(),
                "start", "2025-07-04T00:00:00.000", "end", "2025-07-05T00:00:00.000", "rrule", "FREQ=YEARLY"));
        String name = "Support hours " + UUID.randomUUID();
        Map<String, Object> group = Map.of("name", name, "timeZone", "America/New_York",
                "openSchedules", List.of(Map.of("id", open)), "holidaySchedules", List.of(Map.of("id", holiday)));
        String id = create(GROUPS, group);
        given().header("Authorization", SUPERVISOR).get(GROUPS + "/{id}", id).then().statusCode(200)
                .body("timeZone", equalTo("America/New_York")).body("openSchedules[0].id", equalTo(open))
                .body("openSchedules[0].selfUri", equalTo(SCHEDULES + "/" + open))
                .body("holidaySchedules[0].id", equalTo(holiday)).body("closedSchedules.size()", equalTo(0))
                .body("version", equalTo(1));
        given().header("Authorization", ADMIN).delete(SCHEDULES + "/{id}", open).then().statusCode(409)
                .body("message", containsString(name));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad zone " + UUID.randomUUID(), "timeZone", "Mars/Olympus")).post(GROUPS)
                .then().statusCode(400).body("details[0].fieldName", equalTo("timeZone"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad ref " + UUID.randomUUID(), "timeZone", "UTC",
                        "openSchedules", List.of(Map.of("id", open), Map.of("id", UUID.randomUUID().toString()))))
                .post(GROUPS).then().statusCode(400).body("details[0].fieldName", equalTo("openSchedules[1].id"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", "Europe/Paris", "version", 1)).put(GROUPS + "/{id}", id)
                .then().statusCode(200).body("version", equalTo(2)).body("openSchedules.size()", equalTo(0));
        given().header("Authorization", ADMIN).delete(GROUPS + "/{id}", id).then().statusCode(204);
        given().header("Authorization", ADMIN).delete(SCHEDULES + "/{id}", open).then().statusCode(204);
        given().header("Authorization", ADMIN).get(GROUPS + "/{id}", id).then().statusCode(404);
    }

    @Test
    void adminsWriteAdminsAndSupervisorsRead() {
        given().header("Authorization", AGENT).get(SCHEDULES).then().statusCode(403);
        given().header("Authorization", AGENT).get(GROUPS).then().statusCode(403);
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body(weekdays("Sup " + UUID.randomUUID())).post(SCHEDULES).then().statusCode(403);
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("name", "Sup " + UUID.randomUUID(), "timeZone", "UTC")).post(GROUPS).then().statusCode(403);
        given().get(SCHEDULES).then().statusCode(401);
        given().header("Authorization", SUPERVISOR).get(GROUPS).then().statusCode(200);
    }
}
