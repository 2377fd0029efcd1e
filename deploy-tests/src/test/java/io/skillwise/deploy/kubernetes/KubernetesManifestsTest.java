package io.skillwise.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.skillwise.deploy.Repository;
import io.skillwise.deploy.TopicPlan;
import io.skillwise.deploy.config.Application;
import io.skillwise.deploy.config.ApplicationConfiguration;
import io.skillwise.deploy.config.ApplicationConfiguration.Requirement;
import io.skillwise.deploy.kubernetes.OperatorResources.Cluster;
import io.skillwise.deploy.kubernetes.OperatorResources.Database;
import io.skillwise.deploy.kubernetes.OperatorResources.Keycloak;
import io.skillwise.deploy.kubernetes.OperatorResources.MongoDbCommunity;
import io.skillwise.deploy.kubernetes.OperatorResources.MongoUser;
import io.skillwise.deploy.kubernetes.OperatorResources.ObjectStore;
import io.skillwise.deploy.kubernetes.OperatorResources.ScheduledBackup;
import io.skillwise.events.Topics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Both overlays of deploy/k8s, rendered and typed, against the applications' own configuration and the docs. */
class KubernetesManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyObjectFitsTheTypedModelOfItsKind(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);

        assertThat(overlay.objects()).isNotEmpty();
        assertThat(overlay.all(Object.class)).hasSameSizeAs(overlay.objects());
        assertThat(overlay.objects()).allSatisfy(object ->
                assertThat(object.path("metadata").path("namespace").asText()).as(object.path("metadata").toString())
                        .isEqualTo("skillwise"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyApplicationHasItsDeploymentServiceAutoscalerDisruptionBudgetAndAccount(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        for (Application application : Application.all()) {
            String name = application.name();
            Deployment deployment = overlay.get(Deployment.class, name);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

            assertThat(Labels.matches(deployment.getSpec().getSelector(), podLabels)).as(name).isTrue();
            assertThat(Labels.matches(overlay.get(Service.class, name).getSpec().getSelector(), podLabels)).as(name).isTrue();
            assertThat(Labels.matches(overlay.get(PodDisruptionBudget.class, name).getSpec().getSelector(), podLabels))
                    .as(name).isTrue();
            assertThat(overlay.get(PodDisruptionBudget.class, name).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
            HorizontalPodAutoscaler autoscaler = overlay.get(HorizontalPodAutoscaler.class, name);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(deployment.getSpec().getReplicas()).as("%s: the autoscaler owns the replica count", name).isNull();
            ServiceAccount account = overlay.get(ServiceAccount.class, deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
            assertThat(account.getAutomountServiceAccountToken()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void applicationPodsAreProbedLimitedUnprivilegedAndStopGracefully(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        Duration shutdownPhase = Duration.ofSeconds(Long.parseLong(kitDefault("spring.lifecycle.timeout-per-shutdown-phase").replace("s", "")));
        for (Application application : Application.all()) {
            String name = application.name();
            PodSpec pod = overlay.get(Deployment.class, name).getSpec().getTemplate().getSpec();
            Container container = overlay.applicationContainer(name);
            int managementPort = port(container, "management");

            assertProbe(container.getStartupProbe(), "/actuator/health/liveness", managementPort, name);
            assertProbe(container.getLivenessProbe(), "/actuator/health/liveness", managementPort, name);
            assertProbe(container.getReadinessProbe(), "/actuator/health/readiness", managementPort, name);
            assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
            assertThat(container.getVolumeMounts()).as(name).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            assertThat(pod.getVolumes()).as(name).anySatisfy(volume -> assertThat(volume.getEmptyDir()).isNotNull());
            assertThat(pod.getTopologySpreadConstraints()).as(name).isNotEmpty();
            long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
            // the web server's drain, the listener containers and the rest each may take a phase
            assertThat(pod.getTerminationGracePeriodSeconds()).as("%s: grace longer than preStop and shutdown", name)
                    .isGreaterThan(preStop + 3 * shutdownPhase.toSeconds());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void imagesPortsAndEnvironmentMatchEachApplicationsOwnConfiguration(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        String jvmOptions = jvmOptions();
        for (Application application : Application.all()) {
            String name = application.name();
            ApplicationConfiguration configuration = application.configuration();
            Container container = overlay.applicationContainer(name);
            PodEnvironment environment = PodEnvironment.of(container, overlay);

            assertThat(container.getImage()).isEqualTo(application.image());
            assertThat(port(container, "http")).as(name).isEqualTo(configuration.port());
            assertThat(environment.value("SERVER_PORT")).as("%s: the port comes from its application.yml", name).isEmpty();
            assertThat(environment.value("MANAGEMENT_SERVER_PORT")).contains(Integer.toString(port(container, "management")));
            assertThat(environment.value("SPRING_PROFILES_ACTIVE")).as(name).contains("production");
            assertThat(environment.value("JAVA_TOOL_OPTIONS")).as(name).contains(jvmOptions);
            assertThat(environment.names()).as("%s: variables it does not read", name)
                    .filteredOn(variable -> !configuration.reads(variable)).isEmpty();
            assertThat(configuration.keysNotReplacedBy(environment.names()))
                    .as("%s: keys still pointing at the local stack", name).isEmpty();
            ServicePort http = overlay.get(Service.class, name).getSpec().getPorts().stream()
                    .filter(p -> p.getName().equals("http")).findFirst().orElseThrow();
            assertThat(http.getPort()).isEqualTo(configuration.port());
            assertThat(http.getTargetPort().getStrVal()).isEqualTo("http");
        }
        PodEnvironment gateway = PodEnvironment.of(overlay, "gateway");
        for (Application service : Application.all().stream().filter(a -> !a.gateway()).toList()) {
            String variable = "SKILLWISE_GATEWAY_SERVICES_" + service.name().replace("-service", "").toUpperCase(Locale.ROOT);
            assertThat(gateway.value(variable)).as(variable)
                    .contains("http://" + service.name() + ":" + service.configuration().port());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everySecretTheProductionProfileRequiresComesFromASecret(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        for (Application application : Application.all()) {
            ApplicationConfiguration configuration = application.configuration();
            PodEnvironment environment = PodEnvironment.of(overlay, application.name());
            for (Requirement requirement : configuration.requirements()) {
                String what = application.name() + " needs " + requirement.key();
                boolean fromSecretKey = environment.fromSecrets().keySet().stream()
                        .anyMatch(variable -> configuration.sets(variable, requirement.key()));
                boolean fromWholeSecret = environment.wholeSecrets().stream()
                        .flatMap(secret -> SecretsTest.documentedKeys(secret).stream())
                        .anyMatch(key -> configuration.sets(key.replace("<id>", "K1"), requirement.key()));
                List<String> plainValues = environment.values().entrySet().stream()
                        .filter(e -> configuration.sets(e.getKey(), requirement.key())).map(Map.Entry::getValue).toList();
                if (isSecret(requirement.key())) {
                    assertThat(fromSecretKey || fromWholeSecret).as(what + " from a Secret").isTrue();
                    assertThat(plainValues).as(what + " never as a plain value").isEmpty();
                } else {
                    assertThat(plainValues).as(what).isNotEmpty()
                            .allSatisfy(value -> assertThat(value).isNotBlank().isNotIn(requirement.developmentValues()));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void productionRunsTwoOrMoreOfEverythingAndLocalOne(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        for (Application application : Application.all()) {
            HorizontalPodAutoscaler autoscaler = overlay.get(HorizontalPodAutoscaler.class, application.name());
            if (overlay.isProduction()) {
                assertThat(autoscaler.getSpec().getMinReplicas() + "–" + autoscaler.getSpec().getMaxReplicas())
                        .as("docs/operations.md, replicas of " + application.name())
                        .isEqualTo(documentedReplicas().get(application.name()));
                assertThat(autoscaler.getSpec().getMinReplicas()).as(application.name()).isGreaterThanOrEqualTo(2);
                assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());
                assertThat(overlay.get(Deployment.class, application.name()).getSpec().getTemplate().getSpec()
                        .getAffinity().getPodAntiAffinity()).as(application.name()).isNotNull();
            } else {
                assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(1);
                assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(1);
            }
        }
        int brokers = overlay.get(KafkaNodePool.class, "dual-role").getSpec().getReplicas();
        assertThat(overlay.get(KafkaNodePool.class, "dual-role").getSpec().getRoles())
                .containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(brokers).isEqualTo(overlay.isProduction() ? 3 : 1);
        Map<String, Object> kafkaConfig = overlay.get(Kafka.class, "skillwise").getSpec().getKafka().getConfig();
        assertThat(kafkaConfig).containsEntry("min.insync.replicas", overlay.isProduction() ? 2 : 1)
                .containsEntry("default.replication.factor", brokers)
                .containsEntry("auto.create.topics.enable", false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyTopicAndItsDeadLetterTopicIsAKafkaTopicWithTheDocumentedPartitions(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        Map<String, Integer> documented = TopicPlan.documented();
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(Topics.all());
        List<String> expected = new ArrayList<>();
        for (String topic : Topics.all()) {
            expected.add(topic);
            expected.add(Topics.dlt(topic));
        }
        assertThat(overlay.all(KafkaTopic.class)).extracting(t -> t.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(expected);
        for (KafkaTopic topic : overlay.all(KafkaTopic.class)) {
            String name = topic.getMetadata().getName();
            int partitions = name.endsWith(Topics.DLT_SUFFIX) ? TopicPlan.DEAD_LETTER_PARTITIONS : documented.get(name);
            assertThat(topic.getSpec().getPartitions()).as(name).isEqualTo(partitions);
            assertThat(topic.getSpec().getReplicas()).as(name).isEqualTo(overlay.isProduction() ? 3 : 1);
            assertThat(topic.getSpec().getConfig()).as(name)
                    .containsEntry("min.insync.replicas", overlay.isProduction() ? 2 : 1)
                    .containsEntry("retention.ms", -1);
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "skillwise");
            assertThat(TopicPlan.compose()).as("deploy/docker/kafka-topics.txt").containsEntry(name, partitions);
        }
        assertThat(TopicPlan.compose()).hasSameSizeAs(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachServiceHasItsOwnDatabaseOrMongoUserAndTheStoresAreBackedUp(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        Cluster postgres = overlay.get(Cluster.class, "skillwise-postgres");
        MongoDbCommunity mongo = overlay.get(MongoDbCommunity.class, "skillwise-mongodb");
        for (Application application : Application.all()) {
            ApplicationConfiguration configuration = application.configuration();
            PodEnvironment environment = PodEnvironment.of(overlay, application.name());
            String shortName = application.name().replace("-service", "");
            if (configuration.has("spring.datasource.url")) {
                assertThat(environment.value("SPRING_DATASOURCE_URL")).as(application.name())
                        .contains("jdbc:postgresql://skillwise-postgres-rw:5432/" + shortName);
                Database database = overlay.get(Database.class, "skillwise-postgres-" + shortName);
                assertThat(database.spec().name()).isEqualTo(shortName);
                assertThat(database.spec().owner()).isEqualTo(shortName);
                assertThat(database.spec().cluster().name()).isEqualTo("skillwise-postgres");
                String secret = "postgres-" + shortName;
                assertThat(postgres.spec().managed().roles()).as("a login role of its own")
                        .anySatisfy(role -> {
                            assertThat(role.name()).isEqualTo(shortName);
                            assertThat(role.login()).isTrue();
                            assertThat(role.passwordSecret().name()).isEqualTo(secret);
                        });
                assertThat(environment.fromSecrets().get("SPRING_DATASOURCE_USERNAME").getName()).isEqualTo(secret);
                assertThat(environment.fromSecrets().get("SPRING_DATASOURCE_PASSWORD").getName()).isEqualTo(secret);
            } else if (configuration.has("spring.mongodb.uri")) {
                MongoUser user = mongo.spec().users().stream().filter(u -> u.name().equals(shortName)).findFirst().orElseThrow();
                assertThat(user.db()).isEqualTo(shortName);
                assertThat(user.roles()).containsExactly(new OperatorResources.MongoRole("readWrite", shortName));
                assertThat(environment.fromSecrets().get("SPRING_MONGODB_URI").getName())
                        .isEqualTo(user.connectionStringSecretName());
            } else {
                assertThat(application.gateway()).as(application.name() + " has a store").isTrue();
            }
        }
        assertThat(postgres.spec().plugins()).singleElement().satisfies(plugin -> {
            assertThat(plugin.isWALArchiver()).isTrue();
            assertThat(overlay.find(ObjectStore.class, plugin.parameters().get("barmanObjectName"))).isPresent();
        });
        ScheduledBackup backup = overlay.all(ScheduledBackup.class).getFirst();
        assertThat(backup.spec().cluster().name()).isEqualTo("skillwise-postgres");
        assertThat(backup.spec().method()).isEqualTo("plugin");
        assertThat(backup.spec().pluginConfiguration().name()).isEqualTo(postgres.spec().plugins().getFirst().name());
        assertThat(overlay.find(io.fabric8.kubernetes.api.model.batch.v1.CronJob.class, "mongodb-backup")).isPresent();
        assertThat(mongo.spec().members()).isEqualTo(overlay.isProduction() ? 3 : 1);
        assertThat(postgres.spec().instances()).isEqualTo(overlay.isProduction() ? 3 : 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void onlyTheGatewayAndKeycloaksPublicPathsAreExposed(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        Keycloak keycloak = overlay.get(Keycloak.class, "keycloak");
        assertThat(keycloak.spec().ingress().enabled()).isFalse();
        assertThat(overlay.all(Service.class)).allSatisfy(service ->
                assertThat(service.getSpec().getType()).as(service.getMetadata().getName()).isIn(null, "ClusterIP"));
        Set<String> backends = overlay.all(Ingress.class).stream()
                .flatMap(ingress -> ingress.getSpec().getRules().stream())
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .map(path -> path.getBackend().getService().getName()).collect(Collectors.toSet());
        assertThat(backends).containsExactlyInAnyOrder("gateway", "keycloak-service");
        List<String> keycloakPaths = overlay.get(Ingress.class, "keycloak").getSpec().getRules().stream()
                .map(IngressRule::getHttp).flatMap(http -> http.getPaths().stream()).map(p -> p.getPath()).toList();
        assertThat(keycloakPaths).containsExactlyInAnyOrder("/realms/", "/resources/");
        if (overlay.isProduction()) {
            assertThat(overlay.all(Ingress.class)).allSatisfy(ingress -> assertThat(ingress.getSpec().getTls()).isNotEmpty());
            assertThat(keycloak.spec().hostname().hostname()).startsWith("https://");
        }
        assertThat(keycloak.spec().proxy().headers()).isEqualTo("xforwarded");
    }

    @ParameterizedTest
    @ValueSource(strings = "production")
    void prometheusScrapesEveryApplicationOnItsManagementPort(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        ServiceMonitor monitor = overlay.get(ServiceMonitor.class, "skillwise-apps");
        for (Application application : Application.all()) {
            Service service = overlay.get(Service.class, application.name());
            assertThat(Labels.matches(monitor.getSpec().getSelector(), service.getMetadata().getLabels())).as(application.name()).isTrue();
            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).contains(monitor.getSpec().getEndpoints().getFirst().getPort());
        }
        assertThat(monitor.getSpec().getEndpoints().getFirst().getPath()).isEqualTo("/actuator/prometheus");
        ConfigMap runtime = overlay.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("skillwise-runtime-")).findFirst().orElseThrow();
        assertThat(runtime.getData()).containsEntry("MANAGEMENT_TRACING_EXPORT_OTLP_ENABLED", "true")
                .containsKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
    }

    @ParameterizedTest
    @ValueSource(strings = "production")
    void theConnectionsOfEveryInstanceAtTheAutoscalersMaximaFitPostgres(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        int pool = Integer.parseInt(kitDefault("spring.datasource.hikari.maximum-pool-size"));
        int connections = 0;
        for (Application application : Application.all()) {
            if (application.configuration().has("spring.datasource.url")) {
                connections += pool * overlay.get(HorizontalPodAutoscaler.class, application.name()).getSpec().getMaxReplicas();
            }
        }
        Keycloak keycloak = overlay.get(Keycloak.class, "keycloak");
        connections += keycloak.spec().instances() * keycloak.spec().db().poolMaxSize();
        int maxConnections = Integer.parseInt(overlay.get(Cluster.class, "skillwise-postgres").spec().postgresql().parameters().get("max_connections"));

        assertThat(connections).isLessThan(maxConnections);
    }

    /** docs/operations.md, "Partitions and consumers", second table: application to "min–max". */
    private static Map<String, String> documentedReplicas() {
        Map<String, String> replicas = new java.util.TreeMap<>();
        for (List<String> row : io.skillwise.deploy.Docs.table("docs/operations.md", "Partitions and consumers", 1)) {
            replicas.put(row.get(0), row.get(1));
        }
        return replicas;
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError("no port " + name));
    }

    private static void assertProbe(Probe probe, String path, int port, String application) {
        assertThat(probe).as(application + " probe on " + path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).as(application).isEqualTo(path);
        assertThat(get.getPort().getStrVal()).isEqualTo("management");
        assertThat(port).isEqualTo(9090);
    }

    /** Secret-like keys must come from a Secret; a setting the profile checks (the payment provider) may be plain. */
    private static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return List.of("password", "secret", "key", "uri").stream().anyMatch(lower::contains);
    }

    static String jvmOptions() {
        return Repository.read("deploy/jvm/production.env").lines().filter(l -> l.startsWith("JAVA_TOOL_OPTIONS="))
                .map(l -> l.substring("JAVA_TOOL_OPTIONS=".length())).findFirst().orElseThrow();
    }

    private static String kitDefault(String key) {
        return Application.all().stream().filter(a -> !a.gateway()).findFirst().orElseThrow().configuration().value(key);
    }
}
