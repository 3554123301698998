package dev.rapport.script.scripts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.sun.net.httpserver.HttpServer;
import dev.rapport.contract.Roles;
import dev.rapport.script.WorkshopScript;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Publishing asks action-service, with the publisher's token, whether each data action exists and is published. */
@QuarkusTest
@TestProfile(DataActionCheckTest.CheckOn.class)
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "dacheck"))
class DataActionCheckTest {
    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    /** A published action whose first check meets an action-service that is briefly unavailable (503). */
    static final String FLAKY_ACTION_ID = "9a1c2b3d-0000-4000-8000-00000000f1a7";
    static final java.util.concurrent.atomic.AtomicInteger FLAKY_CALLS = new java.util.concurrent.atomic.AtomicInteger();
    static final HttpServer ACTION_SERVICE = start();

    /** A stand-in for action-service on loopback: only the workshop's action is published. */
    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v2/integrations/actions/", exchange -> {
                AUTHORIZATIONS.add(exchange.getRequestHeaders().getFirst("Authorization"));
                if (exchange.getRequestURI().getPath().endsWith("/" + FLAKY_ACTION_ID)) {
                    exchange.sendResponseHeaders(FLAKY_CALLS.incrementAndGet() == 1 ? 503 : 200, -1);
                    exchange.close();
                    return;
                }
                boolean published = exchange.getRequestURI().getPath().endsWith("/" + WorkshopScript.DATA_ACTION_ID);
                exchange.sendResponseHeaders(published ? 200 : 404, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class CheckOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.scripts.check-data-actions", "true",
                    "rapport.scripts.action-service-url", "http://127.0.0.1:" + ACTION_SERVICE.getAddress().getPort());
        }
    }

    private final String admin = TestTokens.get().bearer("admin", Roles.ADMIN);

    @Test
    void aScriptWhoseDataActionIsPublishedPublishes() {
        String id = create(WorkshopScript.definition().name() + " ok");
        given().header("Authorization", admin).post("/api/v2/scripts/{id}/publish", id).then().statusCode(201);
        assertThat(AUTHORIZATIONS).contains(admin);
    }

    @Test
    void aScriptWhoseDataActionIsMissingOrUnpublishedIsRefusedNamingWhere() {
        String json = ScriptFormat.write(WorkshopScript.definition())
                .replace(WorkshopScript.DATA_ACTION_ID, "no-such-action")
                .replace("\"Architect Workshop\"", "\"Architect Workshop missing\"");
        String id = given().header("Authorization", admin).contentType(ContentType.JSON).body(json)
                .post("/api/v2/scripts").then().statusCode(201).extract().path("id");

        given().header("Authorization", admin).post("/api/v2/scripts/{id}/publish", id)
                .then().statusCode(400)
                .body("details.errorCode", hasItem("data.action.unpublished"))
                .body("details.fieldName", hasItem("/customActions/0/steps/0/dataActionId"));
    }

    @Test
    void aCheckThatMeetsA503IsAskedAgainOnce() {
        String json = ScriptFormat.write(WorkshopScript.definition())
                .replace(WorkshopScript.DATA_ACTION_ID, FLAKY_ACTION_ID)
                .replace("\"Architect Workshop\"", "\"Architect Workshop flaky\"");
        String id = given().header("Authorization", admin).contentType(ContentType.JSON).body(json)
                .post("/api/v2/scripts").then().statusCode(201).extract().path("id");

        given().header("Authorization", admin).post("/api/v2/scripts/{id}/publish", id).then().statusCode(201);
        assertThat(FLAKY_CALLS.get()).isEqualTo(2);
    }

    private String create(String name) {
        String json = ScriptFormat.write(WorkshopScript.definition()).replace("\"Architect Workshop\"", "\"" + name + "\"");
        return given().header("Authorization", admin).contentType(ContentType.JSON).body(json)
                .post("/api/v2/scripts").then().statusCode(201).extract().path("id");
    }
}
