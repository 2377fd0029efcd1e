package io.skillwise.testsupport;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Puts the test servers' addresses into the Spring environment of any test class annotated with
 * {@link WithInfrastructure}, ahead of application.yml, before the context starts.
 */
public final class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        WithInfrastructure wanted = testClass.getAnnotation(WithInfrastructure.class);
        return wanted == null ? null : new InfrastructureCustomizer(testClass, wanted);
    }

    private record InfrastructureCustomizer(Class<?> testClass, WithInfrastructure wanted) implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration config) {
            Map<String, Object> properties = InfrastructureProperties.of(testClass, wanted);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("skillwise-test-infrastructure", properties));
        }

        // One cached Spring context per test class, because each class has its own databases.
        @Override
        public boolean equals(Object other) {
            return other instanceof InfrastructureCustomizer that && that.testClass.equals(testClass);
        }

        @Override
        public int hashCode() {
            return Objects.hash(testClass);
        }
    }
}
