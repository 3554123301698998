package dev.rapport.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.Roles;
import dev.rapport.gateway.Tokens;
import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every operation of the gateway's OpenAPI document, called as nobody and as each role: see authorization-matrix.tsv. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class GatewayAuthorizationTest {

    @TestHTTPResource(value = "/openapi?format=json", management = true) // under /q/
    URI openApi;

    @TestHTTPResource("/")
    URI api;

    @Test
    void theRolesLetIntoEachOperationAreExactlyTheTable() {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : List.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.IVR, Roles.SERVICE)) {
            tokens.put(role, Tokens.get().issue("authz-" + role, role));
        }
        Map<String, Set<String>> observed = new AuthorizationMatrix(openApi, api, tokens).observe();
        assertThat(AuthorizationMatrix.differences(AuthorizationMatrix.expected("authorization-matrix.tsv"), observed))
                .as("observed: %s", observed).isEmpty();
    }
}
