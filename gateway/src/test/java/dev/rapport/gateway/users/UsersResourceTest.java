package dev.rapport.gateway.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.rapport.contract.DirectoryUser;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.Roles;
import dev.rapport.contract.Topics;
import dev.rapport.gateway.Tokens;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The directory: Genesys's /api/v2/users from the configured users, and their records on the topic 'users'. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class UsersResourceTest {
    private static final String AGENT = Tokens.get().bearer("alex", Roles.AGENT);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theUsersArePagedInGenesysShapeWithoutCredentialsOrRoles() {
        String body = given().header("Authorization", AGENT).get("/api/v2/users?pageSize=1")
                .then().statusCode(200).body("total", equalTo(2)).body("pageSize", equalTo(1))
                .body("pageCount", equalTo(2)).body("entities[0].id", equalTo("admin"))
                .body("entities[0].name", equalTo("Ada Admin")).body("nextUri", containsString("pageNumber=2"))
                .extract().asString();
        assertThat(body).doesNotContain("pbkdf2").doesNotContain("password").doesNotContain("roles");
        given().header("Authorization", AGENT).get("/api/v2/users?pageNumber=2&pageSize=1")
                .then().statusCode(200).body("entities.id", containsInAnyOrder("alex"))
                .body("entities[0].username", equalTo("alex"))
                .body("entities[0].selfUri", equalTo("/api/v2/users/alex"));
    }

    @Test
    void oneUserByIdAndA404NamingTheOneThatIsNot() {
        given().header("Authorization", AGENT).get("/api/v2/users/alex").then().statusCode(200)
                .body("name", equalTo("Alex Agent")).body("state", equalTo("active"));
        given().header("Authorization", AGENT).get("/api/v2/users/nobody").then().statusCode(404)
                .body("code", equalTo("not.found")).body("message", containsString("nobody"));
        // users/me is still who the caller is
        given().header("Authorization", AGENT).get("/api/v2/users/me").then().statusCode(200)
                .body("id", equalTo("alex")).body("roles", not(org.hamcrest.Matchers.empty()));
    }

    @Test
    void anIvrDoesNotReadTheDirectory() {
        given().header("Authorization", Tokens.get().bearer("ivr", Roles.IVR)).get("/api/v2/users")
                .then().statusCode(403);
        given().get("/api/v2/users").then().statusCode(401);
    }

    @Test
    void eachUserIsPublishedOnTheCompactedTopicWithoutCredentials() {
        List<ConsumerRecord<String, String>> records = new TopicProbe(bootstrap).read(Topics.USERS,
                r -> Set.of("alex", "admin").contains(r.key()), 2, Duration.ofSeconds(30), Duration.ofMillis(500));
        assertThat(records).extracting(ConsumerRecord::key).contains("alex", "admin");
        records.forEach(r -> assertThat(r.value()).doesNotContain("pbkdf2"));
        DirectoryUser alex = records.stream().filter(r -> r.key().equals("alex"))
                .map(r -> EventJson.read(r.value(), DirectoryUser.class)).findFirst().orElseThrow();
        assertThat(alex).isEqualTo(new DirectoryUser("alex", "Alex Agent", null, List.of("agent")));
    }
}
