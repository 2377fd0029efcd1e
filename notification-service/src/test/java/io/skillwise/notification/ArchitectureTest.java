package io.skillwise.notification;

import io.skillwise.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsThePlatformRules() {
        ServiceArchitecture.verify("io.skillwise.notification");
    }
}
