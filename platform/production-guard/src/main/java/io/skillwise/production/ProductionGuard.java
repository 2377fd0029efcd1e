package io.skillwise.production;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fails closed under the {@code production} profile: when the context refreshes, before any bean is created (no
 * database connection, no Kafka client, nothing listening) and after every initializer has shaped the environment,
 * every {@link Requirement} the application declares is checked. When one is missing, blank or still a development
 * value, each problem is logged on a line of its own naming the key, and the start is refused
 * ({@link ProductionConfigurationException}, exit code 1). Values are never logged. Outside the production profile
 * nothing is checked, so the local platform and the tests run on the committed development values.
 */
public class ProductionGuard implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROFILE = "production";
    public static final String REQUIREMENTS = "skillwise.production.required";

    private static final Logger log = LoggerFactory.getLogger(ProductionGuard.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(new Check(context.getEnvironment()));
    }

    /** First of the factory post-processors, so the check runs before configuration classes are even read. */
    private record Check(ConfigurableEnvironment environment) implements BeanFactoryPostProcessor, PriorityOrdered {

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            check(environment);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    static void check(ConfigurableEnvironment environment) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        Binder binder = Binder.get(environment);
        Map<String, Requirement> requirements = requirements(binder);
        List<String> problems = problems(binder, requirements);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> log.error("Production configuration refused: {}", problem));
            throw new ProductionConfigurationException(problems);
        }
        log.info("Production configuration: the {} required settings have values of their own", requirements.size());
    }

    static Map<String, Requirement> requirements(Binder binder) {
        return new TreeMap<>(binder.bind(REQUIREMENTS, Bindable.mapOf(String.class, Requirement.class))
                .orElseGet(Map::of));
    }

    /** One sentence per problem, each naming its key; empty when production may start. */
    static List<String> problems(Binder binder, Map<String, Requirement> requirements) {
        List<String> problems = new ArrayList<>();
        for (Requirement requirement : requirements.values()) {
            if (requirement.whenPresent() != null && !hasText(value(binder, requirement.whenPresent()))) {
                continue;
            }
            String key = requirement.key();
            Optional<String> scalar = value(binder, key);
            if (scalar.isPresent()) {
                check(key, scalar.get(), requirement, problems);
                continue;
            }
            Map<String, String> entries = binder.bind(key, Bindable.mapOf(String.class, String.class))
                    .orElseGet(Map::of);
            if (entries.isEmpty()) {
                problems.add(notSet(key));
            }
            new TreeMap<>(entries).forEach((entry, value) -> check(key + "." + entry, value, requirement, problems));
        }
        return problems;
    }

    private static void check(String key, String value, Requirement requirement, List<String> problems) {
        if (!hasText(Optional.ofNullable(value))) {
            problems.add(notSet(key));
        } else if (requirement.developmentValues().contains(value.strip())) {
            problems.add(key + " has its development value, which is public (committed to the repository); "
                    + "set one of your own");
        }
    }

    private static String notSet(String key) {
        return key + " is not set (environment variable " + Requirement.environmentVariable(key) + ")";
    }

    private static Optional<String> value(Binder binder, String key) {
        return binder.bind(key, String.class).map(Optional::of).orElseGet(Optional::empty);
    }

    private static boolean hasText(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }
}
