package dev.rapport.gateway;

import dev.rapport.testkit.Boundaries;
import org.junit.jupiter.api.Test;

/** The module boundaries of test-kit's {@link Boundaries} hold for the gateway. */
class ArchitectureTest {
    @Test
    void noCyclesNoOtherServiceNoServiceInTheSharedModules() {
        Boundaries.check("dev.rapport.gateway");
    }
}
