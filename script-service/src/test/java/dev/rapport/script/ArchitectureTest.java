package dev.rapport.script;

import dev.rapport.testkit.Boundaries;
import org.junit.jupiter.api.Test;

/** The module boundaries of test-kit's {@link Boundaries} hold for script-service. */
class ArchitectureTest {
    @Test
    void noCyclesNoOtherServiceNoServiceInTheSharedModules() {
        Boundaries.check("dev.rapport.script");
    }
}
