package dev.rapport.action.actions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.rapport.action.support.LoopbackResource;
import dev.rapport.contract.Roles;
import dev.rapport.testkit.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/** What the admin console needs beyond Genesys's basics: the list of drafts and the execution statistics. */
@QuarkusTest
@WithTestResource(value = LoopbackResource.class, initArgs = @ResourceArg(name = "database", value = "action"))
class AdminConsoleApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anImportedDraftIsListedAmongTheDraftsUntilPublished() throws Exception {
        String integrationId = ActionApiTest.integration("purecloud-data-actions", "Console drafts");
        String id = ActionApiTest.importFile(integrationId, ActionApiTest.WORKSHOP, false);
        String admin = ActionApiTest.admin();
        given().header("Authorization", admin).queryParam("pageSize", 500)
                .get("/api/v2/integrations/actions/drafts").then().statusCode(200)
                .body("entities.id", hasItem(id)).body("entities.find { it.id == '" + id + "' }.version", equalTo(1));
        given().header("Authorization", admin).queryParam("pageSize", 500)
                .get("/api/v2/integrations/actions").then().statusCode(200).body("entities.id", not(hasItem(id)));

        given().header("Authorization", admin).contentType("application/json").body("{\"version\":1}")
                .post("/api/v2/integrations/actions/{id}/draft/publish", id).then().statusCode(200);
        given().header("Authorization", admin).queryParam("pageSize", 500)
                .get("/api/v2/integrations/actions/drafts").then().statusCode(200).body("entities.id", not(hasItem(id)));
        given().header("Authorization", TestTokens.get().bearer("sam", Roles.SUPERVISOR))
                .get("/api/v2/integrations/actions/drafts").then().statusCode(403);
    }

    @Test
    void statsCountOutcomesAndGiveDurationPercentiles() throws Exception {
        String integrationId = ActionApiTest.integration("purecloud-data-actions", "Console stats");
        String id = ActionApiTest.importFile(integrationId, ActionApiTest.WORKSHOP, true);
        // durations 1..100 ms: 98 successes, one failure, one timeout
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO action_execution (action_id, action_version, source, outcome, duration_ms, created_at)
                VALUES (?, 1, 'test', ?, ?, now())""")) {
            for (int ms = 1; ms <= 100; ms++) {
                insert.setString(1, id);
                insert.setString(2, ms == 50 ? "failure" : ms == 100 ? "timeout" : "success");
                insert.setLong(3, ms);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        JsonPath stats = given().header("Authorization", TestTokens.get().bearer("sam", Roles.SUPERVISOR))
                .get("/api/v2/integrations/actions/{id}/executions/stats", id).then().statusCode(200)
                .body("count", equalTo(100)).body("successes", equalTo(98)).body("failures", equalTo(1))
                .body("timeouts", equalTo(1)).extract().jsonPath();
        assertThat(stats.getDouble("p50Ms")).isCloseTo(50.5, within(1e-6));
        assertThat(stats.getDouble("p95Ms")).isCloseTo(95.05, within(1e-6));
        assertThat(stats.getDouble("p99Ms")).isCloseTo(99.01, within(1e-6));
        given().header("Authorization", ActionApiTest.admin())
                .get("/api/v2/integrations/actions/{id}/executions/stats", "custom_-_nope").then().statusCode(404);
    }
}
