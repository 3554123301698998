package dev.rapport.script.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.Roles;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile script imports: each is refused with a 400 in Genesys's error body (a message, the status, a code), never
 * a 500, within a second; and nothing is written.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "import_hostile"))
class HostileScriptImportTest {
    private static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);

    static Stream<Arguments> corpus() {
        String deep = "[".repeat(1_200) + "]".repeat(1_200);
        return Stream.of(
                Arguments.of("an array", "[]"),
                Arguments.of("a string", "\"script\""),
                Arguments.of("an empty object", "{}"),
                Arguments.of("not JSON", "{\"name\": "),
                Arguments.of("nesting 1,200 deep (over the bound of 200)", "{\"pages\":" + deep + "}"),
                Arguments.of("a Genesys script without pages", "{\"name\":\"x\",\"pages\":\"nope\",\"variables\":{}}"),
                Arguments.of("Rapport's format with a page of the wrong type",
                        "{\"name\":\"x\",\"startPageId\":\"p\",\"pages\":[{\"id\":\"p\",\"name\":\"P\",\"root\":42}]}"),
                Arguments.of("a name of 100,000 characters",
                        "{\"name\":\"" + "n".repeat(100_000) + "\",\"startPageId\":\"p\",\"pages\":[]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAClearErrorAndNothingIsWritten(String what, String body) {
        int before = scripts();
        // Once untimed: the budget is the input's, not the first load of the classes its refusal goes through.
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post("/api/v2/scripts/import");
        // The fastest of three: an input over its budget is slow every time, a busy machine only now and then.
        Response response = null;
        long fastest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long started = System.nanoTime();
            response = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                    .post("/api/v2/scripts/import");
            fastest = Math.min(fastest, (System.nanoTime() - started) / 1_000_000);
        }
        assertThat(fastest).as("answered within a second").isLessThan(1_000);
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isEqualTo(400);
        assertThat(response.jsonPath().getString("message")).isNotBlank();
        assertThat(response.jsonPath().getInt("status")).isEqualTo(400);
        assertThat(response.jsonPath().getString("code")).isNotBlank();
        assertThat(scripts()).as("nothing written").isEqualTo(before);
    }

    private static int scripts() {
        return given().header("Authorization", ADMIN).get("/api/v2/scripts?pageSize=500").then().statusCode(200)
                .extract().jsonPath().getList("entities").size();
    }
}
