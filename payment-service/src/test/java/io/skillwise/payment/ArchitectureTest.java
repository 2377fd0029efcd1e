package io.skillwise.payment;

import io.skillwise.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The platform rules and the feature boundaries: no cycles between feature packages, a repository used by its own
 * feature only (switched on here with the split of payment's webhook hub and repositories, issue 16).
 */
class ArchitectureTest {

    @Test
    void keepsThePlatformRulesAndTheFeatureBoundaries() {
        ServiceArchitecture.verify("io.skillwise.payment");
    }
}
