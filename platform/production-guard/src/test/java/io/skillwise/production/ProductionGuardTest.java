package io.skillwise.production;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionGuardTest {

    /** Two secrets, a key ring and a database password that applies only where a database is configured. */
    private static final Map<String, String> DECLARATIONS = Map.of(
            "skillwise.production.required.signing.key", "app.signing-secret",
            "skillwise.production.required.signing.development-values", "dev-signing-secret",
            "skillwise.production.required.provider.key", "app.provider",
            "skillwise.production.required.provider.development-values", "local",
            "skillwise.production.required.keys.key", "app.keys",
            "skillwise.production.required.keys.development-values", "ZGV2LWtleQ==",
            "skillwise.production.required.database.key", "spring.datasource.password",
            "skillwise.production.required.database.development-values", "postgres",
            "skillwise.production.required.database.when-present", "spring.datasource.url");

    private static final Map<String, String> PROPER = Map.of(
            "app.signing-secret", "0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
            "app.provider", "stripe",
            "app.keys.prod-1", "cHJvZHVjdGlvbi1rZXk=",
            "spring.datasource.url", "jdbc:postgresql://db/app",
            "spring.datasource.password", "a-long-random-password");

    @Test
    void startsInProductionWithValuesOfItsOwn() {
        try (ConfigurableApplicationContext context = start(true, PROPER)) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void checksNothingOutsideTheProductionProfile() {
        try (ConfigurableApplicationContext context = start(false, Map.of())) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.signing-secret", "app.provider", "spring.datasource.password"})
    void refusesAMissingValueNamingItsKey(String key) {
        Map<String, String> properties = without(key);
        assertThat(refusal(properties)).containsExactly(key + " is not set (environment variable "
                + Requirement.environmentVariable(key) + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.signing-secret", "app.provider", "spring.datasource.password"})
    void refusesABlankValueAsNotSet(String key) {
        Map<String, String> properties = new java.util.HashMap<>(PROPER);
        properties.put(key, "   ");
        assertThat(refusal(properties)).singleElement().asString().startsWith(key + " is not set");
    }

    @Test
    void refusesEachDevelopmentValueWithoutShowingIt() {
        Map<String, String> properties = new java.util.HashMap<>(PROPER);
        properties.put("app.signing-secret", "dev-signing-secret");
        properties.put("app.provider", " local ");
        properties.put("spring.datasource.password", "postgres");
        List<String> problems = refusal(properties);
        assertThat(problems).hasSize(3).allSatisfy(problem -> assertThat(problem).contains("has its development value")
                .doesNotContain("dev-signing-secret").doesNotContain("postgres "));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("app.signing-secret "))
                .anySatisfy(p -> assertThat(p).startsWith("app.provider "))
                .anySatisfy(p -> assertThat(p).startsWith("spring.datasource.password "));
    }

    @Test
    void checksEveryEntryOfAKeyRing() {
        Map<String, String> properties = new java.util.HashMap<>(PROPER);
        properties.put("app.keys.dev-1", "ZGV2LWtleQ==");
        assertThat(refusal(properties)).singleElement().asString()
                .startsWith("app.keys.dev-1 has its development value");

        Map<String, String> noKeys = without("app.keys.prod-1");
        assertThat(refusal(noKeys)).containsExactly("app.keys is not set (environment variable APP_KEYS)");
    }

    @Test
    void theDatabasePasswordIsRequiredOnlyWhereADatabaseIsConfigured() {
        Map<String, String> properties = new java.util.HashMap<>(PROPER);
        properties.remove("spring.datasource.url");
        properties.remove("spring.datasource.password");
        try (ConfigurableApplicationContext context = start(true, properties)) {
            assertThat(context.isActive()).isTrue();
        }
    }

    private static Map<String, String> without(String key) {
        Map<String, String> properties = new java.util.HashMap<>(PROPER);
        properties.remove(key);
        return properties;
    }

    private static List<String> refusal(Map<String, String> properties) {
        List<String> problems = new ArrayList<>();
        assertThatThrownBy(() -> start(true, properties).close())
                .isInstanceOfSatisfying(ProductionConfigurationException.class, e -> problems.addAll(e.problems()));
        return problems;
    }

    private static ConfigurableApplicationContext start(boolean production, Map<String, String> properties) {
        Map<String, Object> all = new java.util.HashMap<>(DECLARATIONS);
        all.putAll(properties);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(GuardedApplication.class)
                .web(WebApplicationType.NONE).properties(all);
        if (production) {
            builder.profiles(ProductionGuard.PROFILE);
        }
        return builder.run();
    }
}
