package dev.rapport.action.actions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.action.support.LoopbackResource;
import dev.rapport.contract.Roles;
import dev.rapport.testkit.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LoopbackResource.class, initArgs = @ResourceArg(name = "database", value = "action"))
class ActionApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path FIXTURES = Path.of("..", "fixtures", "genesys", "data-actions");
    static final String WORKSHOP = "ArchitectWorkshopContent__Architect-WS-Data-Table-Update.json";

    @Inject
    AgroalDataSource dataSource;

    static String admin() {
        return TestTokens.get().bearer("ada", Roles.ADMIN);
    }

    static String integration(String type, String name) {
        return given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"integrationType\":{\"id\":\"" + type + "\"},\"name\":\"" + name + "\"}")
                .post("/api/v2/integrations").then().statusCode(200)
                .body("integrationType.id", equalTo(type)).extract().path("id");
    }

    static String importFile(String integrationId, String file, boolean publish) throws Exception {
        return given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Files.readString(FIXTURES.resolve(file)))
                .queryParam("integrationId", integrationId).queryParam("publish", publish)
                .post("/api/v2/integrations/actions/import").then().statusCode(200)
                .body("id", startsWith("custom_-_")).extract().path("id");
    }

    @Test
    void credentialsAreEncryptedAtRestAndNeverReadBack() throws Exception {
        String id = integration("custom-rest-actions", "Web services");
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"type\":\"basicAuth\",\"credentialFields\":{\"userName\":\"svc\",\"password\":\"s3cret-pw\"}}")
                .put("/api/v2/integrations/{id}/credentials", id).then().statusCode(200)
                .body("type", equalTo("basicAuth")).body("fieldNames", org.hamcrest.Matchers.hasItems("userName", "password"))
                .body(not(org.hamcrest.Matchers.containsString("s3cret-pw")));
        String body = given().header("Authorization", admin()).get("/api/v2/integrations/{id}", id)
                .then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain("s3cret-pw").contains("basicAuth");
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT credential_ciphertext FROM integration WHERE id = '" + id + "'")) {
            rs.next();
            assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
        }
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"integrationType\":{\"id\":\"aws-lambda\"},\"name\":\"x\"}")
                .post("/api/v2/integrations").then().statusCode(400)
                .body("details[0].fieldName", equalTo("integrationType.id"));
    }

    @Test
    void everyFixtureImportsAndExportsBackEqualInMeaning() throws Exception {
        String purecloud = integration("purecloud-data-actions", "Genesys Cloud Data Actions");
        String custom = integration("custom-rest-actions", "Web Services Data Actions");
        List<Path> files;
        try (Stream<Path> s = Files.list(FIXTURES)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(39);
        for (Path file : files) {
            JsonNode original = JSON.readTree(file.toFile());
            String type = original.path("integrationType").asText();
            String id = importFile(type.equals("custom-rest-actions") ? custom : purecloud,
                    file.getFileName().toString(), true);
            JsonNode exported = JSON.readTree(given().header("Authorization", admin())
                    .get("/api/v2/integrations/actions/{id}/export", id).then().statusCode(200).extract().asString());
            assertThat(exported.get("config")).as(file.toString()).isEqualTo(original.get("config"));
            assertThat(exported.get("contract")).as(file.toString()).isEqualTo(original.get("contract"));
            assertThat(exported.get("name")).isEqualTo(original.get("name"));
            assertThat(exported.get("integrationType")).isEqualTo(original.get("integrationType"));
            assertThat(exported.path("secure").asBoolean()).isEqualTo(original.path("secure").asBoolean());
        }
    }

    @Test
    void draftsPublishAsImmutableNumberedVersions() throws Exception {
        String integrationId = integration("purecloud-data-actions", "Genesys Cloud Data Actions");
        String id = importFile(integrationId, WORKSHOP, false);
        given().header("Authorization", admin()).get("/api/v2/integrations/actions/{id}", id).then().statusCode(404);
        given().header("Authorization", admin()).get("/api/v2/integrations/actions/{id}/draft", id).then()
                .statusCode(200).body("version", equalTo(1));
        given().header("Authorization", admin()).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/api/v2/integrations/actions/{id}/draft/publish", id).then().statusCode(200)
                .body("version", equalTo(1));
        // change the draft: timeout 30 s; version 1 stays as it was
        String config = JSON.readTree(FIXTURES.resolve(WORKSHOP).toFile()).get("config").toString()
                .replaceFirst("\\{", "{\"timeoutSeconds\":30,");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body("{\"config\":" + config + "}")
                .patch("/api/v2/integrations/actions/{id}/draft", id).then().statusCode(200);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/api/v2/integrations/actions/{id}/draft/publish", id).then().statusCode(409);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/v2/integrations/actions/{id}/draft/publish", id).then().statusCode(200)
                .body("version", equalTo(2)).body("config.timeoutSeconds", equalTo(30));
        given().header("Authorization", admin()).queryParam("version", 1).get("/api/v2/integrations/actions/{id}", id)
                .then().statusCode(200).body("config", not(hasKey("timeoutSeconds")));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"Update Case\",\"version\":2}").patch("/api/v2/integrations/actions/{id}", id)
                .then().statusCode(200).body("name", equalTo("Update Case"));
        // a config with a timeout out of Genesys's range is refused, naming the field
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"config\":" + config.replace("\"timeoutSeconds\":30", "\"timeoutSeconds\":90") + "}")
                .patch("/api/v2/integrations/actions/{id}/draft", id).then().statusCode(400)
                .body("details[0].fieldName", equalTo("config.timeoutSeconds"));
    }

    @Test
    void onlyAdminsManageAndServicesMayExecute() throws Exception {
        String integrationId = integration("purecloud-data-actions", "Genesys Cloud Data Actions");
        String id = importFile(integrationId, WORKSHOP, true);
        given().get("/api/v2/integrations/actions/{id}", id).then().statusCode(401);
        given().header("Authorization", TestTokens.get().bearer("alex", Roles.AGENT))
                .get("/api/v2/integrations/actions/{id}", id).then().statusCode(403);
        given().header("Authorization", TestTokens.get().bearer("svc", Roles.SERVICE)).contentType(ContentType.JSON)
                .body("{}").post("/api/v2/integrations/actions/{id}/draft/publish", id).then().statusCode(403);
        given().header("Authorization", TestTokens.get().bearer("svc", Roles.SERVICE)).contentType(ContentType.JSON)
                .body("{\"ANI\": 1234}").post("/api/v2/integrations/actions/{id}/execute", id).then().statusCode(400)
                .body("code", equalTo("action.input.invalid")).body("details[0].fieldName", equalTo("ANI"));
        given().header("Authorization", TestTokens.get().bearer("svc", Roles.SERVICE))
                .get("/api/v2/integrations").then().statusCode(403);
    }
}
