package io.skillwise.deploy.compose;

import io.skillwise.deploy.Command;
import io.skillwise.deploy.Repository;
import io.skillwise.deploy.config.Application;
import io.skillwise.deploy.config.ApplicationConfiguration;
import io.skillwise.deploy.config.ApplicationConfiguration.Requirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** docker-compose.yml, .env.example and deploy/docker/generate-env.sh against the applications' configuration. */
class DockerComposeTest {

    private static final Set<String> PUBLISHED = Set.of("gateway", "keycloak", "mail", "grafana");
    private static final ComposeFile COMPOSE = ComposeFile.load();

    @Test
    void everyApplicationRunsItsImageUnderTheProductionProfileAndReadsEveryVariableItIsGiven() {
        for (Application application : Application.all()) {
            String name = application.name();
            Map<String, Object> service = COMPOSE.service(name);
            ApplicationConfiguration configuration = application.configuration();
            Map<String, String> environment = ComposeFile.environment(service);

            assertThat(service.get("image")).isEqualTo(application.image());
            assertThat(ComposeFile.map(ComposeFile.map(service, "build"), "args"))
                    .containsEntry("MODULE", name).containsEntry("VERSION", Application.projectVersion());
            assertThat(service.get("read_only")).as(name).isEqualTo(true);
            assertThat(ComposeFile.list(service, "env_file")).as(name).containsExactly("deploy/jvm/production.env");
            assertThat(environment).as(name).containsEntry("SPRING_PROFILES_ACTIVE", "production");
            assertThat(environment.keySet()).as("%s: variables it does not read", name)
                    .filteredOn(variable -> !configuration.reads(variable)).isEmpty();
            assertThat(configuration.keysNotReplacedBy(environment.keySet()))
                    .as("%s: keys still pointing at the local stack", name).isEmpty();
            assertThat(ComposeFile.list(ComposeFile.map(service, "healthcheck"), "test"))
                    .as(name).contains("/opt/skillwise/healthcheck");
            for (Requirement requirement : configuration.requirements()) {
                List<String> values = environment.entrySet().stream()
                        .filter(e -> configuration.sets(e.getKey(), requirement.key())).map(Map.Entry::getValue).toList();
                assertThat(values).as("%s needs %s", name, requirement.key()).isNotEmpty()
                        .allSatisfy(value -> assertThat(value).isNotBlank().isNotIn(requirement.developmentValues()));
            }
        }
    }

    @Test
    void everyContainerHasAHealthCheckAndWaitsForWhatItNeedsToBeHealthy() {
        Set<String> oneShot = new TreeSet<>();
        COMPOSE.services().forEach((name, service) -> ComposeFile.map(service, "depends_on").forEach((dependency, condition) -> {
            if ("service_completed_successfully".equals(ComposeFile.asMap(condition).get("condition"))) {
                oneShot.add(dependency);
            }
        }));
        assertThat(oneShot).containsExactlyInAnyOrder("kafka-init", "minio-init");
        COMPOSE.services().forEach((name, service) -> {
            Map<String, Object> healthcheck = ComposeFile.map(service, "healthcheck");
            if (oneShot.contains(name)) {
                assertThat(healthcheck.get("disable")).as(name + " runs once").isEqualTo(true);
                assertThat(service).as(name).doesNotContainKey("restart");
            } else {
                assertThat(ComposeFile.list(healthcheck, "test")).as(name + " health check").isNotEmpty();
                assertThat(healthcheck).as(name).doesNotContainKey("disable");
            }
            ComposeFile.map(service, "depends_on").forEach((dependency, condition) -> {
                assertThat(COMPOSE.services()).as(name + " depends on " + dependency).containsKey(dependency);
                assertThat(ComposeFile.asMap(condition).get("condition")).as(name + " waits for " + dependency)
                        .isEqualTo(oneShot.contains(dependency) ? "service_completed_successfully" : "service_healthy");
            });
        });
        for (Application application : Application.all().stream().filter(a -> !a.gateway()).toList()) {
            assertThat(ComposeFile.map(COMPOSE.service(application.name()), "depends_on"))
                    .as(application.name()).containsKeys("kafka-init", "redis", "keycloak");
        }
        assertThat(ComposeFile.map(COMPOSE.service("gateway"), "depends_on").keySet())
                .containsAll(Application.all().stream().filter(a -> !a.gateway()).map(Application::name).toList());
    }

    @Test
    void onlyTheGatewayKeycloakTheMailUiAndGrafanaArePublishedAndOnlyOnLoopback() {
        COMPOSE.services().forEach((name, service) -> {
            List<Object> ports = ComposeFile.list(service, "ports");
            if (PUBLISHED.contains(name)) {
                assertThat(ports).as(name).singleElement().asString().startsWith("127.0.0.1:");
            } else {
                assertThat(ports).as(name + " is not published").isEmpty();
            }
        });
        assertThat(ComposeFile.environment(COMPOSE.service("keycloak"))).containsEntry("KC_HOSTNAME", "http://localhost:8180");
        assertThat(ComposeFile.list(COMPOSE.service("keycloak"), "command")).containsExactly("start", "--import-realm");
    }

    @Test
    void noSecretIsWrittenInTheFileEveryOneComesFromTheEnvFile() {
        Set<String> exampleKeys = EnvFile.parse(Repository.read(".env.example")).keySet();
        Set<String> referenced = new TreeSet<>();
        COMPOSE.services().forEach((name, service) -> ComposeFile.environment(service).forEach((key, value) -> {
            List<String> variables = variables(value);
            referenced.addAll(variables);
            if (looksSecret(key)) {
                assertThat(variables).as("%s: %s comes from .env", name, key).isNotEmpty();
            }
        }));
        assertThat(exampleKeys).as("every variable docker-compose.yml takes is in .env.example").containsAll(referenced);
        assertThat(referenced).as("and .env.example holds nothing else").containsAll(exampleKeys);
    }

    @Test
    void generateEnvMakesFreshSecretsForEveryKeyOfTheExample() {
        Map<String, String> example = EnvFile.parse(Repository.read(".env.example"));
        Map<String, String> first = EnvFile.parse(generateEnv(Map.of()));
        Map<String, String> second = EnvFile.parse(generateEnv(Map.of("STRIPE_API_KEY", "sk_test_given")));

        assertThat(first.keySet()).containsExactlyElementsOf(example.keySet());
        first.forEach((key, value) -> {
            if (key.startsWith("SKILLWISE_APP_")) {
                assertThat(value).as(key + " is a setting").isEqualTo(example.get(key));
            } else if (key.startsWith("STRIPE_") || key.startsWith("SKILLWISE_INVOICE_")) {
                assertThat(value).as(key + " cannot be made up").isEmpty();
            } else {
                assertThat(value).as(key).isNotEqualTo(example.get(key)).isNotEqualTo(second.get(key)).hasSizeGreaterThanOrEqualTo(12);
            }
        });
        assertThat(Base64.getDecoder().decode(first.get("IDENTITY_CRYPTO_KEY"))).hasSize(32);
        assertThat(Base64.getDecoder().decode(example.get("IDENTITY_CRYPTO_KEY"))).hasSize(32);
        assertThat(second).containsEntry("STRIPE_API_KEY", "sk_test_given");
    }

    @Test
    void composeAcceptsTheFileWithAGeneratedEnvAndRefusesToStartWithoutOne(@TempDir Path directory) throws IOException {
        List<String> compose = composeCommand(directory);
        assumeTrue(compose != null, "neither 'docker compose' nor 'docker-compose' is installed");
        Path env = directory.resolve("generated.env");
        Files.writeString(env, generateEnv(Map.of("STRIPE_API_KEY", "sk_test_x", "STRIPE_WEBHOOK_SECRET", "whsec_x",
                "SKILLWISE_INVOICE_SELLER_NAME", "Example Learning Ltd.",
                "SKILLWISE_INVOICE_SELLER_ADDRESS", "1 Example Street, Example City",
                "SKILLWISE_INVOICE_SELLER_TAX_ID", "GB123456789")));
        Path empty = Files.writeString(directory.resolve("empty.env"), "");

        Command.Result accepted = run(compose, "--env-file", env.toString(), "config", "--quiet");
        Command.Result refused = run(compose, "--env-file", empty.toString(), "config", "--quiet");

        assertThat(accepted.exitCode()).as(accepted.output() + accepted.errors()).isZero();
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output() + refused.errors()).contains("generate .env with deploy/docker/generate-env.sh");
    }

    /** 'docker compose' (v2), or Debian's 'docker-compose' 1.x, which predates the top-level name: fed a copy without it. */
    private static List<String> composeCommand(Path directory) throws IOException {
        if (run(List.of("docker", "compose"), "version").exitCode() == 0) {
            return List.of("docker", "compose", "--project-directory", Repository.root().toString(),
                    "-f", Repository.path("docker-compose.yml").toString());
        }
        if (run(List.of("docker-compose"), "version").exitCode() == 0) {
            Path copy = directory.resolve("docker-compose.yml");
            Files.writeString(copy, Repository.read("docker-compose.yml").lines()
                    .filter(line -> !line.startsWith("name:")).reduce("", (a, b) -> a + b + "\n"));
            return List.of("docker-compose", "--project-directory", Repository.root().toString(), "-f", copy.toString());
        }
        return null;
    }

    private static Command.Result run(List<String> command, String... arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(arguments));
        return Command.run(full, Map.of());
    }

    private static String generateEnv(Map<String, String> environment) {
        Map<String, String> variables = new java.util.HashMap<>();
        variables.put("STRIPE_API_KEY", null);
        variables.put("STRIPE_WEBHOOK_SECRET", null);
        variables.put("SKILLWISE_INVOICE_SELLER_NAME", null);
        variables.put("SKILLWISE_INVOICE_SELLER_ADDRESS", null);
        variables.put("SKILLWISE_INVOICE_SELLER_TAX_ID", null);
        variables.putAll(environment);
        Command.Result result = Command.run(List.of("bash", Repository.path("deploy/docker/generate-env.sh").toString()), variables);
        assertThat(result.succeeded()).as("generate-env.sh: " + result.errors()).isTrue();
        return result.output();
    }

    /** Names of the ${VARIABLE...} references of a Compose value ($$ is a literal dollar). */
    static List<String> variables(String value) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith("$$", i)) {
                i += 2;
            } else if (value.startsWith("${", i)) {
                int end = i + 2;
                while (end < value.length() && (Character.isLetterOrDigit(value.charAt(end)) || value.charAt(end) == '_')) {
                    end++;
                }
                names.add(value.substring(i + 2, end));
                i = end;
            } else {
                i++;
            }
        }
        return names;
    }

    private static boolean looksSecret(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        return upper.contains("PASSWORD") || upper.contains("SECRET") || upper.endsWith("_KEY") || upper.contains("_KEYS_")
                || upper.endsWith("_URI") && !upper.contains("JWK") && !upper.contains("REDIRECT") || upper.contains("TOKEN");
    }
}
