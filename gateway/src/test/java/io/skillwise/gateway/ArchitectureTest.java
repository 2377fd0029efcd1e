package io.skillwise.gateway;

import io.skillwise.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The gateway is no service-kit application, so it keeps the feature boundaries of docs/style.md only. */
class ArchitectureTest {

    @Test
    void keepsItsFeatureBoundaries() {
        ServiceArchitecture.verifyFeatureBoundaries("io.skillwise.gateway");
    }
}
