package dev.rapport.gateway.desktop;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The desktop is served at / (deep links too), without swallowing the API, token or operator paths. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class DesktopServingTest {

    @Test
    void theDesktopIsServedAtTheRootAndForDeepLinksWithAStrictContentSecurityPolicy() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<div id=\"app\">"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"));
        given().accept("text/html").get("/interactions/some-id").then().statusCode(200)
                .body(containsString("<div id=\"app\">"));
        given().accept("text/html").get("/assets/missing.js").then().statusCode(404);
    }

    @Test
    void apiTokenAndOperatorPathsAreNotSwallowedByTheSinglePageApp() {
        given().get("/api/v2/agent/interactions/x/session").then().statusCode(401).body(not(containsString("<div id=\"app\">")));
        given().accept("text/html").get("/api/v2/nothing-here").then().statusCode(404).body(not(containsString("<div id=\"app\">")));
        given().accept("text/html").get("/oauth").then().statusCode(404).body(not(containsString("<div id=\"app\">")));
        given().accept("text/html").get("/q/health/ready").then().statusCode(404)
                .body(not(containsString("<div id=\"app\">")));
        given().accept("text/html").get("/q/nothing-here").then().statusCode(404).body(not(containsString("<div id=\"app\">")));
    }
}
