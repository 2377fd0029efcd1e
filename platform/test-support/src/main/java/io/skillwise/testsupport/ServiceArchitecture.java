package io.skillwise.testsupport;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every service keeps (docs/style.md), as ArchUnit checks over its production classes:
 * <ul>
 *   <li>feature boundaries: services never import each other; the feature packages of an application
 *       ({@code io.skillwise.<service>.<feature>}) depend on each other without cycles; a {@code *Repository} is
 *       used by its own feature only, another feature asks that feature's service;</li>
 *   <li>platform rules: the shared machinery comes from the service kit and is never copied, controllers and
 *       listeners go through services.</li>
 * </ul>
 * A service's {@code ArchitectureTest} calls {@link #verify(String)}; the gateway, which is no service-kit
 * application, calls {@link #verifyFeatureBoundaries(String)}.
 */
public final class ServiceArchitecture {

    private static final List<String> APPLICATIONS = List.of("identity", "catalog", "enrollment", "payment", "review",
            "promotion", "notification", "analytics", "gateway");

    private ServiceArchitecture() {
    }

    /** Every rule, over the production classes under {@code io.skillwise.<service>}. */
    public static void verify(String servicePackage) {
        check(importProduction(servicePackage), Stream.concat(
                featureBoundaryRules(servicePackage).stream(), platformRules().stream()).toList());
    }

    /** The feature boundaries alone: for the gateway, and any application that is not built on the service kit. */
    public static void verifyFeatureBoundaries(String applicationPackage) {
        check(importProduction(applicationPackage), featureBoundaryRules(applicationPackage));
    }

    /** The platform rules alone, without the feature boundaries. */
    public static void verifyPlatformRules(String servicePackage) {
        check(importProduction(servicePackage), platformRules());
    }

    static void verify(JavaClasses classes, String servicePackage) {
        check(classes, Stream.concat(featureBoundaryRules(servicePackage).stream(), platformRules().stream()).toList());
    }

    private static JavaClasses importProduction(String applicationPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(applicationPackage);
    }

    private static void check(JavaClasses classes, List<ArchRule> rules) {
        StringBuilder violations = new StringBuilder();
        for (ArchRule rule : rules) {
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

    static List<ArchRule> featureBoundaryRules(String applicationPackage) {
        String[] otherApplications = APPLICATIONS.stream()
                .map(name -> "io.skillwise." + name + "..")
                .filter(pkg -> !pkg.equals(applicationPackage + ".."))
                .toArray(String[]::new);
        return List.of(
                noClasses().should().dependOnClassesThat().resideInAnyPackage(otherApplications)
                        .because("services share only platform/events; everything else comes through events or the API"),
                slices().matching(applicationPackage + ".(*)..").namingSlices("feature '$1'")
                        .should().beFreeOfCycles()
                        .because("a feature that needs another's work asks its service; the other one does not call back"),
                classes().that().haveSimpleNameEndingWith("Repository")
                        .should(beUsedOnlyInside(applicationPackage))
                        .because("a feature's data is reached through its service, so its rules cannot be bypassed"));
    }

    static List<ArchRule> platformRules() {
        return List.of(
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

    /** Every class that uses the repository lives in the repository's feature package (or below it). */
    private static ArchCondition<JavaClass> beUsedOnlyInside(String applicationPackage) {
        return new ArchCondition<>("be used only by their own feature") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                String feature = featureOf(repository, applicationPackage);
                List<Dependency> foreign = new ArrayList<>();
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    if (!feature.equals(featureOf(dependency.getOriginClass(), applicationPackage))) {
                        foreign.add(dependency);
                    }
                }
                for (Dependency dependency : foreign) {
                    events.add(SimpleConditionEvent.violated(dependency, repository.getSimpleName() + " of feature '"
                            + feature + "' is used from feature '"
                            + featureOf(dependency.getOriginClass(), applicationPackage) + "': "
                            + dependency.getDescription()));
                }
            }
        };
    }

    /** {@code io.skillwise.payment.order.x.Y} is in feature "order"; a class of the root package in none (""). */
    static String featureOf(JavaClass javaClass, String applicationPackage) {
        String pkg = javaClass.getPackageName();
        if (!pkg.startsWith(applicationPackage + ".")) {
            return "";
        }
        String rest = pkg.substring(applicationPackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
