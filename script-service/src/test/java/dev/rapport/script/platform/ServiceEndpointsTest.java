package dev.rapport.script.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.rapport.contract.Topics;
import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What every service offers an operator: health, metrics, OpenAPI, and topics laid out as configured. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class ServiceEndpointsTest {
    /** The management interface's root ({@code /q/}): operator endpoints are not on the API port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URI management;


    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void healthReportsDatabaseAndKafkaUp() {
        given().get(management.resolve("health/ready")).then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().get(management.resolve("metrics")).then().statusCode(200).body(containsString("rapport_outbox_published"));
        given().get(management.resolve("openapi")).then().statusCode(200).body(containsString("/api/v2/interactions/{interactionId}/session"));
    }

    @Test
    void topicsAreCreatedWithTheConfiguredPartitionsAndSessionsIsCompacted() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            var descriptions = admin.describeTopics(Topics.ALL).allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(descriptions.values()).extracting(TopicDescription::partitions)
                    .allSatisfy(p -> assertThat(p).hasSize(12));
            var sessions = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.SESSIONS);
            var config = admin.describeConfigs(java.util.List.of(sessions)).all().get(10, TimeUnit.SECONDS);
            assertThat(config.get(sessions).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.listTopics().names().get()).contains(Topics.deadLetterOf(Topics.INTERACTIONS));
        }
    }
}
