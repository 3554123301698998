package dev.rapport.script.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.rapport.contract.Roles;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /api/v2/scripts/import with each public Genesys export, unchanged; lists what was not carried over. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class GenesysImportApiTest {
    private static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "terraform-provider-genesyscloud__email.script.json | Email Script | 0 | component property 'font' (text)",
            "terraform-provider-genesyscloud__test_script.json | TestScriptName | 1 | reference to variable 'MyCheckBox'",
            "workautomation-hubspot-ticketing-sample__Sky_Inbound_Case.script | Sky Inbound Case | 0 | feature 'email'"})
    void everyFixtureImports(String file, String name, int publishProblems, String expectedNote) throws Exception {
        String body = GenesysScriptConverterTest.fixture(file).toString();
        JsonPath result = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v2/scripts/import").then().statusCode(201)
                .body("sourceFormat", equalTo("genesys")).body("script.name", equalTo(name))
                .extract().jsonPath();
        List<String> notCarriedOver = result.getList("notCarriedOver", String.class);
        System.out.println(file + " — not carried over (" + notCarriedOver.size() + "):");
        notCarriedOver.forEach(item -> System.out.println("  - " + item));
        assertThat(notCarriedOver).anySatisfy(item -> assertThat(item).startsWith(expectedNote));

        String id = result.getString("script.id");
        given().header("Authorization", ADMIN).get("/api/v2/scripts/" + id + "/validation").then().statusCode(200)
                .body("problems.size()", equalTo(publishProblems));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{}")
                .post("/api/v2/scripts/" + id + "/preview").then().statusCode(200);

        // the export re-imports as Rapport's own format
        String exported = given().header("Authorization", ADMIN).get("/api/v2/scripts/" + id + "/export")
                .then().statusCode(200).extract().asString().replace("\"name\":\"" + name + "\"", "\"name\":\"" + name + " copy\"");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(exported).post("/api/v2/scripts/import")
                .then().statusCode(201).body("sourceFormat", equalTo("rapport")).body("notCarriedOver.size()", equalTo(0));
    }
}
