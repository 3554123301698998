package dev.rapport.action;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.rapport.testkit.Boundaries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The module boundaries (test-kit's {@link Boundaries}) hold for action-service. */
class ArchitectureTest {
    private static final String SERVICE = "dev.rapport.action";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = Boundaries.classesOf(SERVICE);
    }

    @Test
    @Disabled("cycle actions <-> execution: ActionResource uses ExecutionService and ExecutionLog, ExecutionService "
            + "takes ActionService.Resolved; to be removed by action-service's owners")
    void featurePackagesHaveNoCycles() {
        Boundaries.noPackageCycles(SERVICE).check(classes);
    }

    @Test
    void staysInsideItsService() {
        Boundaries.staysInsideItsService(SERVICE).check(classes);
    }

    @Test
    void sharedModulesImportNoService() {
        Boundaries.sharedModulesImportNoService().check(classes);
    }
}
