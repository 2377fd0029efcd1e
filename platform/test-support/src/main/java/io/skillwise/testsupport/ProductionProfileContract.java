package io.skillwise.testsupport;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service proves about the {@code production} profile (docs/configuration.md). A service's
 * {@code ProductionProfileIT} extends this, is a {@code @SpringBootTest} under {@code @ActiveProfiles("production")}
 * whose {@code properties} give every secret a value of its own, and names its application, its secrets' committed
 * development values and the secrets that have none. Then: the application starts and runs with those values, and
 * refuses, naming the key, each development value and each missing secret, one case per secret.
 */
public abstract class ProductionProfileContract {

    @LocalServerPort
    protected int port;

    /** The service's application class. */
    protected abstract Class<?> application();

    /** The health components that must be UP once it runs, e.g. "db", "kafka". */
    protected abstract String[] components();

    /** Each secret's key and a value committed for local runs, which production must refuse. */
    protected abstract Map<String, String> developmentValues();

    /**
     * Each secret that has no committed value: the property the test leaves out, and the key the refusal names (the
     * same, or the map it is an entry of).
     */
    protected abstract Map<String, String> missingSecrets();

    @Test
    void startsWithSecretsOfItsOwn() {
        ServiceChecks.assertRunningWith(port, components());
    }

    @TestFactory
    Stream<DynamicTest> refusesEachCommittedDevelopmentValue() {
        Map<String, Object> proper = ProductionProfile.propertiesOf(getClass());
        return developmentValues().entrySet().stream().map(secret -> DynamicTest.dynamicTest(secret.getKey(), () ->
                assertThat(ProductionProfile.refusal(application(),
                        ProductionProfile.with(proper, secret.getKey(), secret.getValue())))
                        .singleElement().asString().startsWith(secret.getKey() + " has its development value")));
    }

    @TestFactory
    Stream<DynamicTest> refusesEachMissingSecret() {
        Map<String, Object> proper = ProductionProfile.propertiesOf(getClass());
        return missingSecrets().entrySet().stream().map(secret -> DynamicTest.dynamicTest(secret.getValue(), () ->
                assertThat(ProductionProfile.refusal(application(),
                        ProductionProfile.with(proper, secret.getKey(), null)))
                        .singleElement().asString().startsWith(secret.getValue() + " is not set")));
    }
}
