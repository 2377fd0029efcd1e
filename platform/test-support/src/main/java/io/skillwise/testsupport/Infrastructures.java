package io.skillwise.testsupport;

/** Chooses, once per JVM, between embedded servers and Testcontainers. */
final class Infrastructures {

    private static TestInfrastructure instance;

    private Infrastructures() {
    }

    static synchronized TestInfrastructure shared() {
        if (instance == null) {
            String kind = System.getProperty("skillwise.test.infra", "embedded");
            instance = switch (kind) {
                case "embedded" -> new EmbeddedInfrastructure();
                case "containers" -> new ContainerInfrastructure();
                default -> throw new IllegalArgumentException(
                        "skillwise.test.infra must be 'embedded' or 'containers', not '" + kind + "'");
            };
        }
        return instance;
    }

    /** A database or topic-safe name for a test class: lower case, unique per class. */
    static String nameFor(Class<?> testClass) {
        String simple = testClass.getSimpleName().replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
        String hash = Integer.toHexString(testClass.getName().hashCode() & 0x7fffffff);
        return ("t_" + simple + "_" + hash).substring(0, Math.min(60, ("t_" + simple + "_" + hash).length()));
    }
}
