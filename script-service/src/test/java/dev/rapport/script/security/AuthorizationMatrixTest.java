package dev.rapport.script.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.Roles;
import dev.rapport.platform.web.GenesysApiPaths;
import dev.rapport.testkit.AuthorizationMatrix;
import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may call what: every operation of the OpenAPI document, as nobody and as each role, against authorization-matrix.tsv. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class AuthorizationMatrixTest {

    @TestHTTPResource(value = "/openapi?format=json", management = true) // under /q/
    URI openApi;

    @TestHTTPResource("/")
    URI api;

    @Test
    void everyOperationAdmitsExactlyTheRolesOfTheTable() {
        AuthorizationMatrix matrix = AuthorizationMatrix.forRoles(openApi, api,
                List.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.IVR, Roles.SERVICE));
        assertThat(matrix.verify("authorization-matrix.tsv")).isEmpty();
    }

    /** The gateway answers 501 for what the list says no service serves: the list must be right about this one. */
    @Test
    void theListOfGenesysPathsIsRightAboutTheScriptsApi() {
        List<String> operations = new AuthorizationMatrix(openApi, api, Map.of()).operations().stream()
                .map(op -> op.method() + " " + op.path()).toList();
        assertThat(GenesysApiPaths.listed().problemsOf(GenesysApiPaths.Api.SCRIPTS, operations)).isEmpty();
    }

    /** The same for the Conversations API, which script-service serves over its interactions. */
    @Test
    void theListOfGenesysPathsIsRightAboutTheConversationsApi() {
        List<String> operations = new AuthorizationMatrix(openApi, api, Map.of()).operations().stream()
                .map(op -> op.method() + " " + op.path()).toList();
        assertThat(GenesysApiPaths.listed().problemsOf(GenesysApiPaths.Api.CONVERSATIONS, operations)).isEmpty();
    }
}
