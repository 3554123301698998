package dev.rapport.script.schedules;

import static dev.rapport.script.schedules.ScheduleApiTest.ADMIN;
import static dev.rapport.script.schedules.ScheduleApiTest.GROUPS;
import static dev.rapport.script.schedules.ScheduleApiTest.SCHEDULES;
import static dev.rapport.script.schedules.ScheduleApiTest.create;
import static dev.rapport.script.schedules.ScheduleApiTest.weekdays;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The listing query (platform-web's ListingQuery) as schedules, schedule groups and wrap-up codes take it: every
 * parameter reaches the listing, and one out of bounds is a 400 naming it.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class ListingQueryApiTest {
    private static final String CODES = "/api/v2/routing/wrapupcodes";

    @Test
    void pagingNameAndSortReachEachListing() {
        String prefix = "Listed " + UUID.randomUUID() + " ";
        create(SCHEDULES, weekdays(prefix + "A"));
        create(SCHEDULES, weekdays(prefix + "B"));
        create(GROUPS, Map.of("name", prefix + "A", "timeZone", "UTC"));
        create(GROUPS, Map.of("name", prefix + "B", "timeZone", "UTC"));
        create(CODES, Map.of("name", prefix + "A"));
        create(CODES, Map.of("name", prefix + "B"));
        for (String path : List.of(SCHEDULES, GROUPS, CODES)) {
            given().header("Authorization", ADMIN).queryParam("name", prefix.toUpperCase())
                    .queryParam("sortBy", "name").queryParam("sortOrder", "descending").queryParam("pageSize", 1)
                    .get(path).then().statusCode(200)
                    .body("total", equalTo(2)).body("pageSize", equalTo(1)).body("pageNumber", equalTo(1))
                    .body("pageCount", equalTo(2)).body("entities.name", equalTo(List.of(prefix + "B")))
                    .body("nextUri", containsString("pageNumber=2")).body("nextUri", containsString("sortOrder"));
            given().header("Authorization", ADMIN).queryParam("name", prefix).queryParam("pageSize", 1)
                    .queryParam("pageNumber", 2).get(path).then().statusCode(200)
                    .body("entities.name", equalTo(List.of(prefix + "B")));
        }
    }

    @Test
    void aParameterOutOfBoundsIsRefusedNamingIt() {
        for (String path : List.of(SCHEDULES, GROUPS, CODES)) {
            refused(path, "pageSize", "0");
            refused(path, "pageNumber", "0");
            refused(path, "sortOrder", "sideways");
            refused(path, "sortBy", "colour");
        }
    }

    private static void refused(String path, String parameter, String value) {
        given().header("Authorization", ADMIN).queryParam(parameter, value).get(path).then().statusCode(400)
                .body("details[0].fieldName", equalTo(parameter));
    }
}
