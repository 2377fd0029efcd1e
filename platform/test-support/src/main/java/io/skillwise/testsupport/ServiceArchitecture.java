package io.skillwise.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules every service keeps (STYLE.md): the shared machinery comes from the service kit and is never copied,
 * services never import each other, controllers and listeners go through services.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    /** Checks the production classes under {@code io.skillwise.<service>}. */
    public static void verify(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        verify(classes, servicePackage);
    }

    static void verify(JavaClasses classes, String servicePackage) {
        StringBuilder violations = new StringBuilder();
        for (ArchRule rule : rules(servicePackage)) {
            try {
                rule.allowEmptyShould(true).check(classes);
            } catch (AssertionError e) {
                violations.append(e.getMessage()).append(System.lineSeparator());
            }
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.toString());
        }
    }

    static java.util.List<ArchRule> rules(String servicePackage) {
        String[] otherServices = java.util.stream.Stream.of("identity", "catalog", "enrollment", "payment", "review",
                        "promotion", "notification", "analytics", "gateway")
                .map(name -> "io.skillwise." + name + "..")
                .filter(pkg -> !pkg.equals(servicePackage + ".."))
                .toArray(String[]::new);
        return java.util.List.of(
                noClasses().should().dependOnClassesThat().resideInAnyPackage(otherServices)
                        .because("services share only platform/events; everything else comes through events or the API"),
                noClasses().should().beAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")
                        .orShould().beAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
                        .because("the error model lives in the service kit (ApiExceptionHandler)"),
                noClasses().should().dependOnClassesThat()
                        .haveFullyQualifiedName("org.springframework.security.web.SecurityFilterChain")
                        .because("resource-server security lives in the service kit; services declare PublicEndpoints"),
                noClasses().should().dependOnClassesThat()
                        .haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
                        .because("events leave a service only through the kit's transactional outbox"),
                noClasses().should().dependOnClassesThat()
                        .haveFullyQualifiedName("org.springframework.kafka.listener.DefaultErrorHandler")
                        .because("retries and dead letters are configured once, in the service kit"),
                classes().that().haveSimpleNameEndingWith("Controller")
                        .should().onlyDependOnClassesThat().haveSimpleNameNotEndingWith("Repository")
                        .because("controllers call services, never repositories"),
                classes().that().haveSimpleNameEndingWith("Listener")
                        .should().onlyDependOnClassesThat().haveSimpleNameNotEndingWith("Repository")
                        .because("listeners call services, never repositories"));
    }
}
