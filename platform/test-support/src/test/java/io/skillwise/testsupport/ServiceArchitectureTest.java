package io.skillwise.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceArchitectureTest {

    @Test
    void aServiceWithItsOwnCopyOfTheKitsMachineryFailsTheRules() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.skillwise.fixture.bad");
        assertThatThrownBy(() -> ServiceArchitecture.verify(fixture, "io.skillwise.fixture"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RestControllerAdvice");
        assertThatThrownBy(() -> ServiceArchitecture.verify(fixture, "io.skillwise.fixture"))
                .hasMessageContaining("KafkaTemplate");
    }
}
