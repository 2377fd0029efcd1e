package io.skillwise.testsupport;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service proves about the {@code production} profile (docs/configuration.md). A service's
 * {@code ProductionProfileIT} extends this, is a {@code @SpringBootTest} under {@code @ActiveProfiles("production")}
 * whose {@code properties} give every secret a value of its own, and names its application and its own secrets; the
 * kit's (the database password where the test sets one, the Redis password) are added here. Then: the application
 * starts and runs with those values, and refuses, naming the key, each committed development value and each missing
 * secret, one case per secret.
 */
public abstract class ProductionProfileContract {

    private static final String DATABASE_PASSWORD = "spring.datasource.password";
    private static final String REDIS_PASSWORD = "spring.data.redis.password";

    @LocalServerPort
    protected int port;

    private final Class<?> application;
    private final Map<String, Object> proper;
    private final Map<String, String> developmentValues = new LinkedHashMap<>();
    private final Map<String, String> missingSecrets = new LinkedHashMap<>();

    /**
     * @param application          the service's application class
     * @param ownDevelopmentValues each of the service's own secrets with a value committed for local runs
     * @param ownMissingSecrets    each of its own secrets without one: the property the test leaves out, and the key
     *                             the refusal names (the same, or the key ring it is an entry of)
     */
    protected ProductionProfileContract(Class<?> application, Map<String, String> ownDevelopmentValues,
                                        Map<String, String> ownMissingSecrets) {
        this.application = application;
        this.proper = ProductionProfile.propertiesOf(getClass());
        developmentValues.putAll(ownDevelopmentValues);
        missingSecrets.putAll(ownMissingSecrets);
        if (proper.containsKey(DATABASE_PASSWORD)) {
            developmentValues.put(DATABASE_PASSWORD, "postgres");
            missingSecrets.put(DATABASE_PASSWORD, DATABASE_PASSWORD);
        }
        missingSecrets.put(REDIS_PASSWORD, REDIS_PASSWORD);
    }

    @Test
    void startsWithSecretsOfItsOwn() {
        ServiceChecks.assertRunningWith(port, proper.containsKey(DATABASE_PASSWORD) ? "db" : "mongo", "kafka");
    }

    @TestFactory
    Stream<DynamicTest> refusesEachCommittedDevelopmentValue() {
        return developmentValues.entrySet().stream().map(secret -> DynamicTest.dynamicTest(secret.getKey(), () ->
                assertThat(ProductionProfile.refusal(application,
                        ProductionProfile.with(proper, secret.getKey(), secret.getValue())))
                        .singleElement().asString().startsWith(secret.getKey() + " has its development value")));
    }

    @TestFactory
    Stream<DynamicTest> refusesEachMissingSecret() {
        return missingSecrets.entrySet().stream().map(secret -> DynamicTest.dynamicTest(secret.getValue(), () ->
                assertThat(ProductionProfile.refusal(application,
                        ProductionProfile.with(proper, secret.getKey(), null)))
                        .singleElement().asString().startsWith(secret.getValue() + " is not set")));
    }
}
