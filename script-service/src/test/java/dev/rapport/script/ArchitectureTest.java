package dev.rapport.script;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.rapport.testkit.Boundaries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries (test-kit's {@link Boundaries}) hold for script-service: no cycles between its features. */
class ArchitectureTest {
    private static final String SERVICE = "dev.rapport.script";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = Boundaries.classesOf(SERVICE);
    }

    @Test
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
