package io.imagepipe;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the module map honest: no cycles, and modules reach each other only through their public API. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(ImagePipeApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
