package io.skillwise.payment;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.skillwise.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class ArchitectureTest {

    private static final String SERVICE = "io.skillwise.payment";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SERVICE);

    @Test
    void keepsThePlatformRules() {
        ServiceArchitecture.verify(SERVICE);
    }

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching(SERVICE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void aRepositoryIsUsedOnlyByItsOwnFeature() {
        classes().that().haveSimpleNameEndingWith("Repository").and().resideInAPackage(SERVICE + "..")
                .should(new ArchCondition<JavaClass>("be used only inside their own feature package") {
                    @Override
                    public void check(JavaClass repository, ConditionEvents events) {
                        String feature = repository.getPackageName();
                        for (Dependency use : repository.getDirectDependenciesToSelf()) {
                            String from = use.getOriginClass().getPackageName();
                            if (!from.equals(feature) && !from.startsWith(feature + ".")) {
                                events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                            }
                        }
                    }
                })
                .check(classes);
    }
}
