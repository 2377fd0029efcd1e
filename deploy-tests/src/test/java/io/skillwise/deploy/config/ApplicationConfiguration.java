package io.skillwise.deploy.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillwise.deploy.Repository;
import io.skillwise.deploy.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an application reads, from its own application.yml (every document) and, for a service, the service kit's
 * defaults: its keys and values, the environment variables its placeholders name ({@code ${STRIPE_API_KEY:}}), and
 * the secrets its {@code production} profile requires (skillwise.production.required.*). Answers whether an
 * environment variable a deployment sets is one the application reads.
 */
public final class ApplicationConfiguration {

    /** Read by the JVM, not by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    /** Spring Boot keys any application may be given, whatever it uses. */
    private static final Set<String> GENERAL_FAMILIES = Set.of("server", "management", "logging", "spring.profiles",
            "spring.lifecycle", "spring.main", "spring.threads");
    /** Key families a dependency brings, for keys a service sets only through its environment. */
    private static final Map<String, List<String>> STARTER_FAMILIES = Map.of(
            "spring-boot-starter-mail", List.of("spring.mail"),
            "spring-boot-starter-data-mongodb", List.of("spring.mongodb", "spring.data.mongodb"),
            "spring-boot-starter-data-jdbc", List.of("spring.datasource"),
            "spring-boot-starter-data-redis", List.of("spring.data.redis"),
            "spring-boot-starter-data-redis-reactive", List.of("spring.data.redis"));

    private final Application application;
    private final Map<String, String> values;
    private final Set<String> placeholders;
    private final Set<String> families;
    private final List<Requirement> requirements;

    private ApplicationConfiguration(Application application, Map<String, String> values, Set<String> families) {
        this.application = application;
        this.values = values;
        this.families = families;
        this.placeholders = new TreeSet<>();
        values.values().forEach(value -> placeholders.addAll(placeholderNames(value)));
        this.requirements = requirements(values);
    }

    static ApplicationConfiguration of(Application application) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!application.gateway()) {
            values.putAll(kitDefaults());
        }
        for (ObjectNode document : Yaml.documents(application.directory().resolve("src/main/resources/application.yml"))) {
            flatten("", document, values);
        }
        Set<String> families = new TreeSet<>(GENERAL_FAMILIES);
        values.keySet().forEach(key -> families.add(family(key)));
        List<String> dependencies = new ArrayList<>(application.dependencies());
        if (dependencies.contains("service-kit")) {
            dependencies.addAll(Application.pomDependencies("platform/service-kit"));
        }
        dependencies.forEach(dependency -> families.addAll(STARTER_FAMILIES.getOrDefault(dependency, List.of())));
        return new ApplicationConfiguration(application, values, families);
    }

    public Application application() {
        return application;
    }

    /** The application's HTTP port (server.port of its application.yml). */
    public int port() {
        return Integer.parseInt(values.get("server.port"));
    }

    public String value(String key) {
        return values.get(key);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The secrets and settings the production profile refuses to start without. */
    public List<Requirement> requirements() {
        return requirements;
    }

    /** Whether the application reads the environment variable: its own key, a Spring key of a family it uses, a map entry, a placeholder. */
    public boolean reads(String variable) {
        if (JVM_VARIABLES.contains(variable) || placeholders.contains(variable)) {
            return true;
        }
        for (String key : values.keySet()) {
            if (EnvironmentNames.names(key).contains(variable)) {
                return true;
            }
        }
        SpringBootKeys boot = SpringBootKeys.get();
        for (String key : boot.keys()) {
            if (families.contains(family(key)) && EnvironmentNames.names(key).contains(variable)) {
                return true;
            }
        }
        List<String> mapKeys = new ArrayList<>(boot.mapKeys().stream().filter(key -> families.contains(family(key))).toList());
        requirements.stream().filter(r -> isMap(r.key())).forEach(r -> mapKeys.add(r.key()));
        for (String mapKey : mapKeys) {
            for (String name : EnvironmentNames.names(mapKey)) {
                if (variable.startsWith(name + "_")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the environment variable sets the key (its own name, or an entry of it when the key is a map). */
    public boolean sets(String variable, String key) {
        for (String name : EnvironmentNames.names(key)) {
            if (variable.equals(name) || (isMap(key) && variable.startsWith(name + "_"))) {
                return true;
            }
        }
        String placeholder = placeholderOf(key);
        return placeholder != null && placeholder.equals(variable);
    }

    /** A key whose value is a placeholder of an environment variable: the variable it names ({@code ${STRIPE_API_KEY:}}). */
    private String placeholderOf(String key) {
        String value = values.get(key);
        List<String> names = value == null ? List.of() : placeholderNames(value);
        return names.isEmpty() ? null : names.getFirst();
    }

    private boolean isMap(String key) {
        return values.keySet().stream().anyMatch(k -> k.startsWith(key + "."));
    }

    /**
     * Keys whose committed value points at this machine (127.0.0.1, localhost): the local stack's addresses, which
     * a deployment must replace, either by setting the key or the environment variables its placeholders name.
     */
    public List<String> keysNotReplacedBy(java.util.Collection<String> variables) {
        return values.entrySet().stream()
                .filter(e -> e.getValue().contains("127.0.0.1") || e.getValue().contains("localhost"))
                .filter(e -> !e.getKey().startsWith("skillwise.production."))
                .filter(e -> variables.stream().noneMatch(variable -> sets(variable, e.getKey())))
                .filter(e -> {
                    List<String> placeholders = placeholderNames(e.getValue());
                    return placeholders.isEmpty() || !variables.containsAll(placeholders);
                })
                .map(Map.Entry::getKey).toList();
    }

    /** A production requirement: the key, when it applies, and the committed development values it refuses. */
    public record Requirement(String key, String whenPresent, List<String> developmentValues) {
    }

    private static List<Requirement> requirements(Map<String, String> values) {
        String prefix = "skillwise.production.required.";
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                String name = rest.substring(0, rest.indexOf('.'));
                byName.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(rest.substring(name.length() + 1), value);
            }
        });
        List<Requirement> requirements = new ArrayList<>();
        byName.forEach((name, fields) -> {
            List<String> developmentValues = new ArrayList<>();
            fields.forEach((field, value) -> {
                if (field.startsWith("development-values")) {
                    developmentValues.addAll(List.of(value.split(",")));
                }
            });
            String whenPresent = fields.get("when-present");
            if (whenPresent == null || values.containsKey(whenPresent)) {
                requirements.add(new Requirement(fields.get("key"), whenPresent, developmentValues));
            }
        });
        return requirements;
    }

    /** Names of environment variables in ${NAME} and ${NAME:default} placeholders (read by hand: placeholders nest). */
    static List<String> placeholderNames(String value) {
        List<String> names = new ArrayList<>();
        int start = value.indexOf("${");
        while (start >= 0) {
            int end = start + 2;
            while (end < value.length() && value.charAt(end) != ':' && value.charAt(end) != '}') {
                end++;
            }
            String name = value.substring(start + 2, end);
            if (!name.isEmpty() && name.equals(name.toUpperCase(Locale.ROOT))) {
                names.add(name);
            }
            start = value.indexOf("${", start + 2);
        }
        return names;
    }

    /** A key's family: spring.mail, spring.data.redis, server, ... (what a dependency or a key of the application opens). */
    static String family(String key) {
        String[] parts = key.split("\\.");
        if (GENERAL_FAMILIES.contains(parts[0]) || parts.length < 2) {
            return parts[0];
        }
        if ((parts[1].equals("data") || parts[1].equals("cloud")) && parts.length > 2) {
            return parts[0] + "." + parts[1] + "." + parts[2];
        }
        return parts[0] + "." + parts[1];
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), values);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), values);
            }
        } else {
            values.put(prefix, node.isNull() ? "" : node.asText());
        }
    }

    private static Map<String, String> kitDefaults() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Repository.path(
                "platform/service-kit/src/main/resources/io/skillwise/kit/skillwise-kit-defaults.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }
}
