package dev.rapport.datatable.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.Roles;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may call what: every operation of the OpenAPI document against authorization-matrix.tsv. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "datatable"))
class AuthorizationMatrixTest {

    @Test
    void everyOperationAdmitsExactlyTheRolesOfTheTable() {
        Map<String, String> bearers = new LinkedHashMap<>();
        for (String role : List.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.IVR, Roles.SERVICE)) {
            bearers.put(role, TestTokens.get().bearer("matrix-" + role, role));
        }
        AuthorizationMatrix matrix = AuthorizationMatrix.of(bearers);
        assertThat(matrix.operations()).as("operations in the OpenAPI document").hasSizeGreaterThan(10);
        assertThat(matrix.verify("authorization-matrix.tsv")).isEmpty();
    }
}
