package dev.rapport.script.flows;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.rapport.contract.Roles;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Publishing a flow with logic steps checks every expression where it is (a 400 in Genesys's error shape naming the
 * step's path), the data action's id and timeout, the queue of a transfer, the schedule group.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class FlowLogicPublishTest {
    private static final String ADMIN = TestTokens.get().bearer("ada", Roles.ADMIN);

    @Test
    void anExpressionThatDoesNotParseIsRefusedNamingTheStepPath() {
        publish("""
                [{"type":"decision","expression":"true","yes":[
                   {"type":"switch","cases":[{"expression":"true","steps":[]},
                     {"expression":"contains({{Call.Ani}}, ","steps":[]}]}]}]
                """).statusCode(400)
                .body("details[0].fieldName", equalTo("steps[0].yes[0].cases[1].expression"))
                .body("message", containsString("steps[0].yes[0].cases[1].expression"));
    }

    @Test
    void everyProblemIsNamed() {
        publish("""
                [{"type":"setVariable","name":"1bad","expression":""},
                 {"type":"callDataAction","timeoutSeconds":61,"inputs":{"phone":"{{Call.Nope}}"},
                  "outputs":{"Priority":"priority"},
                  "success":[{"type":"transferToAcd","priority":"{{Flow.Unset}}"}]},
                 {"type":"evaluateScheduleGroup","scheduleGroupId":"%s"},
                 {"type":"transferToNumber"}]
                """.formatted(UUID.randomUUID())).statusCode(400)
                .body("details.fieldName", hasItems("steps[0].name", "steps[0].expression", "steps[1].actionId",
                        "steps[1].timeoutSeconds", "steps[1].inputs.phone", "steps[1].success[0].queueId",
                        "steps[1].success[0].priority", "steps[2].scheduleGroupId", "steps[3].number"));
    }

    @Test
    void aFlowOfTheWorkshopPublishes() {
        publish("""
                [{"type":"setVariable","name":"Services","expression":"split({{Call.Attributes.Services}}, \\"|\\")"},
                 {"type":"decision","name":"Insurance","expression":"contains({{Flow.Services}}, \\"Insurance\\")",
                  "yes":[{"type":"callDataAction","actionId":"crm","inputs":{"phone":"e164({{Call.Ani}})"},
                          "outputs":{"Priority":"priority"},"success":[],"failure":[],"timeout":[]},
                         {"type":"transferToAcd","queueId":"q-ins","priority":"isSet({{Flow.Priority}}) ? {{Flow.Priority}} : 0",
                          "skills":["insurance"],"failure":[{"type":"requestCallback"},{"type":"disconnect"}]}],
                  "no":[{"type":"transferToQueue","queueId":"q-gen","queueName":"General"}]}]
                """).statusCode(200).body("version", equalTo(1));
    }

    private static io.restassured.response.ValidatableResponse publish(String steps) {
        String body = """
                {"name":"Logic %s","steps":%s}
                """.formatted(UUID.randomUUID(), steps);
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v2/flows/inbound").then().statusCode(201).extract().path("id");
        return given().header("Authorization", ADMIN).post("/api/v2/flows/inbound/{id}/publish", id).then();
    }
}
