package io.skillwise.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceArchitectureTest {

    @Test
    void aServiceWithItsOwnCopyOfTheKitsMachineryFailsTheRules() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.skillwise.fixture.bad");
        assertThatThrownBy(() -> ServiceArchitecture.verify(fixture, "io.skillwise.fixture"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RestControllerAdvice")
                .hasMessageContaining("KafkaTemplate");
    }

    @Test
    void featuresThatCallEachOtherBackFailTheRules() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.skillwise.fixture.cyclic");
        assertThatThrownBy(() -> ServiceArchitecture.verify(fixture, "io.skillwise.fixture.cyclic"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("free of cycles")
                .hasMessageContaining("feature 'order'")
                .hasMessageContaining("feature 'invoice'");
    }

    @Test
    void aRepositoryUsedFromAnotherFeatureFailsTheRules() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.skillwise.fixture.leaky");
        assertThatThrownBy(() -> ServiceArchitecture.verify(fixture, "io.skillwise.fixture.leaky"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderRepository of feature 'order' is used from feature 'invoice'");
    }

    @Test
    void aFeatureAskingAnothersServiceKeepsTheRules() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.skillwise.fixture.good");
        assertThatCode(() -> ServiceArchitecture.verify(fixture, "io.skillwise.fixture.good"))
                .doesNotThrowAnyException();
    }
}
