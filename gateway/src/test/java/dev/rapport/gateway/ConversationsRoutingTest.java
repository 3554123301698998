package dev.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Genesys's Conversations API goes to script-service; what Rapport does not serve of it is a 501 naming the path,
 * answered by the gateway (a listed operation) or made of script-service's 404 for a route it lacks.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
@WithTestResource(FakeService.class)
class ConversationsRoutingTest {

    @Test
    void theServedOperationsReachScriptService() {
        given().get("/api/v2/conversations/c-1").then().statusCode(200)
                .body("served", equalTo("/api/v2/conversations/c-1"));
        given().contentType(ContentType.JSON).body("{\"attributes\":{\"a\":\"b\"}}")
                .patch("/api/v2/conversations/c-1/participants/p-1/attributes").then().statusCode(200)
                .body("served", equalTo("/api/v2/conversations/c-1/participants/p-1/attributes"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v2/conversations/c-1/disconnect").then()
                .statusCode(201);
        given().contentType(ContentType.JSON).body("{\"externalTag\":\"t\"}").put("/api/v2/conversations/c-1/tags")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}").post("/api/v2/conversations/callbacks").then()
                .statusCode(201).body("served", equalTo("/api/v2/conversations/callbacks"));
        given().get("/api/v2/conversations/callbacks/c-2").then().statusCode(200);
        assertThat(FakeService.RECEIVED).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("PATCH");
            assertThat(r.body()).isEqualTo("{\"attributes\":{\"a\":\"b\"}}");
        });
    }

    @Test
    void whatRapportDoesNotServeOfTheConversationsApiIs501() {
        // the agentless SMS of two public Genesys data actions: listed, answered without asking script-service
        given().contentType(ContentType.JSON).body("{}").post("/api/v2/conversations/messages/agentless").then()
                .statusCode(501).body("code", equalTo("not.implemented"))
                .body("message", equalTo("POST /api/v2/conversations/messages/agentless is an operation of Genesys"
                        + " Cloud's API that Rapport does not implement"));
        given().get("/api/v2/conversations/calls").then().statusCode(501);
        assertThat(FakeService.RECEIVED).noneSatisfy(r -> assertThat(r.uri()).contains("agentless"));
        // not listed: script-service's 404 for a route it lacks becomes the same 501
        given().get("/api/v2/conversations/missing/x/y").then().statusCode(501)
                .body("message", equalTo("GET /api/v2/conversations/missing/x/y is not an operation that Rapport or"
                        + " Genesys Cloud's API has"));
        // a missing conversation on a served path stays script-service's 404
        given().get("/api/v2/conversations/missing").then().statusCode(404).body("code", equalTo("not.found"));
    }
}
