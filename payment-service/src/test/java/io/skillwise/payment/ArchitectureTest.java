package io.skillwise.payment;

import io.skillwise.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The platform rules. The feature boundaries ({@link ServiceArchitecture#verify(String)}: no cycles between feature
 * packages, a repository used by its own feature only) are switched on here together with the split of payment's
 * webhook hub and repositories (issue 16), which they would fail before it.
 */
class ArchitectureTest {

    @Test
    void keepsThePlatformRules() {
        ServiceArchitecture.verifyPlatformRules("io.skillwise.payment");
    }
}
