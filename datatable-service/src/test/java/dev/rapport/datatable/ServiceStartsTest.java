package dev.rapport.datatable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import dev.rapport.testkit.RapportInfraResource;
import org.junit.jupiter.api.Test;

/** The service starts on a server where its database does not exist yet, creates it, and migrates it. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = {
        @ResourceArg(name = "database", value = "datatable"), @ResourceArg(name = "precreate", value = "false")})
class ServiceStartsTest {
    /** The management interface's root ({@code /q/}): operator endpoints are not on the API port. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URI management;


    @Inject
    AgroalDataSource dataSource;

    @Test
    void createsItsDatabaseAndAppliesTheMigrations() throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM flyway_schema_history WHERE success AND script LIKE '%V0_1__outbox%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void operatorEndpointsAreServed() {
        given().get(management.resolve("health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(management.resolve("health/live")).then().statusCode(200);
        given().get(management.resolve("metrics")).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get(management.resolve("openapi")).then().statusCode(200).body(containsString("openapi"));
        given().get(management.resolve("swagger-ui/")).then().statusCode(200);
    }
}
