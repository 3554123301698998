package dev.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.rapport.contract.Roles;
import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Each service's API is served under the gateway, with the caller's token and a correlation id passed on. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
@WithTestResource(FakeService.class)
class RoutingTest {

    @Test
    void dataTableRequestsReachTheServiceWithTheCallersTokenPathQueryAndBody() {
        String token = Tokens.get().bearer("admin", Roles.ADMIN);

        given().header("Authorization", token).header("X-Correlation-Id", "corr-routing-1")
                .contentType(ContentType.JSON).body("{\"key\":\"1234\"}")
                .post("/api/v2/flows/datatables/t1/rows?showbrief=false")
                .then().statusCode(201).body("served", equalTo("/api/v2/flows/datatables/t1/rows"));

        assertThat(FakeService.RECEIVED).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.uri()).isEqualTo("/api/v2/flows/datatables/t1/rows?showbrief=false");
            assertThat(r.authorization()).isEqualTo(token);
            assertThat(r.correlationId()).isEqualTo("corr-routing-1");
            assertThat(r.body()).isEqualTo("{\"key\":\"1234\"}");
            assertThat(r.forwardedHost()).as("links built by the service point at the gateway").startsWith("localhost:");
        });
    }

    @Test
    void scriptAndInteractionPathsGoToScriptServiceButIvrEventsStayAtTheGateway() {
        given().get("/api/v2/scripts").then().statusCode(200).body("served", equalTo("/api/v2/scripts"));
        given().get("/api/v2/architect/schedules/s-1").then().statusCode(200)
                .body("served", equalTo("/api/v2/architect/schedules/s-1"));
        given().get("/api/v2/architect/schedulegroups").then().statusCode(200)
                .body("served", equalTo("/api/v2/architect/schedulegroups"));
        given().get("/api/v2/interactions/i-1/timeline").then().statusCode(200)
                .body("served", equalTo("/api/v2/interactions/i-1/timeline"));
        given().get("/api/v2/interactions?limit=5").then().statusCode(200)
                .body("served", equalTo("/api/v2/interactions"));
        given().get("/api/v2/routing/wrapupcodes?pageSize=500").then().statusCode(200)
                .body("entities[0].name", equalTo("Resolved"));
        assertThat(FakeService.RECEIVED).anySatisfy(r -> assertThat(r.correlationId()).isNotBlank());

        given().contentType(ContentType.JSON).body("{}").post("/api/v2/interactions/events")
                .then().statusCode(401).body("code", equalTo("authentication.required"));
    }

    @Test
    void genesysOperationsRapportDoesNotImplementAre501NamingThePathWithoutAskingAService() {
        given().header("X-Correlation-Id", "corr-501").get("/api/v2/scripts/divisionviews?pageSize=5").then()
                .statusCode(501).header("X-Correlation-Id", "corr-501")
                .body("code", equalTo("not.implemented")).body("status", equalTo(501))
                .body("messageParams.path", equalTo("/api/v2/scripts/divisionviews"))
                .body("contextId", equalTo("corr-501"))
                .body("message", equalTo("GET /api/v2/scripts/divisionviews is an operation of Genesys Cloud's API"
                        + " that Rapport does not implement"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v2/scripts/published").then().statusCode(501)
                .body("messageParams.path", equalTo("/api/v2/scripts/published"));
        // action-service is down in this test: the answer comes from the gateway alone
        given().get("/api/v2/integrations/actions/categories").then().statusCode(501)
                .body("code", equalTo("not.implemented")).body("contextId", notNullValue());
        given().get("/api/v2/flows/datatables/divisionviews/t1").then().statusCode(501)
                .body("messageParams.path", equalTo("/api/v2/flows/datatables/divisionviews/t1"));
        assertThat(FakeService.RECEIVED).noneSatisfy(r -> assertThat(r.uri()).contains("divisionviews"));
    }

    @Test
    void aServicesNotFoundForARouteItLacksBecomes501ButAMissingEntityStays404() {
        given().get("/api/v2/scripts/missing/x/y").then().statusCode(501)
                .body("code", equalTo("not.implemented"))
                .body("messageParams.path", equalTo("/api/v2/scripts/missing/x/y"))
                .body("message", equalTo("GET /api/v2/scripts/missing/x/y is not an operation that Rapport or"
                        + " Genesys Cloud's API has"));
        given().delete("/api/v2/scripts/published/missing").then().statusCode(501);
        given().get("/api/v2/flows/datatables/t1/rows/missing/more").then().statusCode(501);

        given().get("/api/v2/scripts/published/missing").then().statusCode(404).body("code", equalTo("not.found"));
        given().get("/api/v2/scripts/missing/pages/p1").then().statusCode(404).body("code", equalTo("not.found"));
        given().get("/api/v2/flows/datatables/t1/rows/missing").then().statusCode(404)
                .body("code", equalTo("not.found"));
        // Rapport's own operation, and a path outside Genesys's three APIs
        given().get("/api/v2/scripts/s1/versions/missing").then().statusCode(404).body("code", equalTo("not.found"));
        given().get("/api/v2/flows/inbound/missing/x/y").then().statusCode(404).body("code", equalTo("not.found"));
        given().get("/api/v2/scripts/published/s1").then().statusCode(200);
    }

    @Test
    void aServiceThatIsDownAnswersBadGateway() {
        given().get("/api/v2/integrations/actions").then().statusCode(502);
    }
}
