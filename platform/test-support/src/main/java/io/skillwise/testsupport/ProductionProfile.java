package io.skillwise.testsupport;

import io.skillwise.production.ProductionConfigurationException;
import io.skillwise.production.ProductionGuard;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts an application under the {@code production} profile to see what it refuses. The guard refuses before any
 * bean exists, so these starts need no infrastructure; a test proves the accepted case with a
 * {@code @SpringBootTest} under {@code @ActiveProfiles("production")} on the same properties.
 */
public final class ProductionProfile {

    private ProductionProfile() {
    }

    /** The {@code @SpringBootTest(properties = ...)} of a test class: its refusal cases start from the same values. */
    public static Map<String, Object> propertiesOf(Class<?> testClass) {
        SpringBootTest test = testClass.getAnnotation(SpringBootTest.class);
        if (test == null) {
            throw new IllegalArgumentException(testClass + " is not a @SpringBootTest");
        }
        return properties(test.properties());
    }

    /** {@code "key=value"} pairs, as {@code @SpringBootTest(properties = ...)} takes them. */
    public static Map<String, Object> properties(String... pairs) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            properties.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return properties;
    }

    /** The same properties with one changed; {@code null} removes it. */
    public static Map<String, Object> with(Map<String, Object> properties, String key, String value) {
        Map<String, Object> changed = new LinkedHashMap<>(properties);
        if (value == null) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return changed;
    }

    /**
     * Starts the application under the production profile with these properties (and its own application.yml) and
     * returns the problems its refusal names; fails the test if it is not refused.
     */
    public static List<String> refusal(Class<?> application, Map<String, Object> properties) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application)
                .profiles(ProductionGuard.PROFILE)
                .web(WebApplicationType.NONE);
        // command-line arguments, so they win over application.yml as a deployment's environment does
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext unexpected = builder.run(arguments)) {
            throw new AssertionError("the production profile accepted " + properties.keySet());
        } catch (ProductionConfigurationException refused) {
            return refused.problems();
        }
    }
}
