package dev.rapport.action;

import dev.rapport.testkit.Boundaries;
import org.junit.jupiter.api.Test;

/** The module boundaries of test-kit's {@link Boundaries} hold for action-service. */
class ArchitectureTest {
    @Test
    void noCyclesNoOtherServiceNoServiceInTheSharedModules() {
        Boundaries.check("dev.rapport.action");
    }
}
