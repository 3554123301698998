package dev.rapport.datatable;

import dev.rapport.testkit.Boundaries;
import org.junit.jupiter.api.Test;

/** The module boundaries of test-kit's {@link Boundaries} hold for datatable-service. */
class ArchitectureTest {
    @Test
    void noCyclesNoOtherServiceNoServiceInTheSharedModules() {
        Boundaries.check("dev.rapport.datatable");
    }
}
