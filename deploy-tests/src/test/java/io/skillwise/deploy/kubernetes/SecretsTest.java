package io.skillwise.deploy.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.skillwise.deploy.Command;
import io.skillwise.deploy.Docs;
import io.skillwise.deploy.Repository;
import io.skillwise.deploy.Yaml;
import io.skillwise.deploy.kubernetes.OperatorResources.Cluster;
import io.skillwise.deploy.kubernetes.OperatorResources.Keycloak;
import io.skillwise.deploy.kubernetes.OperatorResources.KeycloakRealmImport;
import io.skillwise.deploy.kubernetes.OperatorResources.MongoDbCommunity;
import io.skillwise.deploy.kubernetes.OperatorResources.ObjectStore;
import io.skillwise.deploy.kustomize.Kubectl;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every Secret the manifests read is documented, made by create-secrets.sh or an operator, and none is committed. */
class SecretsTest {

    private static final String SCRIPT = "create-secrets.sh";

    @Test
    void everySecretTheManifestsReadIsDocumentedAndNothingElse() {
        Set<String> referenced = new TreeSet<>();
        for (String overlay : List.of("local", "production")) {
            referenced.addAll(references(Overlay.named(overlay)));
        }
        Set<String> documented = new TreeSet<>();
        documented().forEach((secret, keys) -> keys.forEach(key -> documented.add(secret + "/" + key)));
        // a Secret taken whole (envFrom) is referenced without its keys
        Set<String> wholeSecrets = new TreeSet<>(referenced.stream().filter(r -> r.endsWith("/*")).map(r -> r.replace("/*", "")).toList());
        documented.removeIf(entry -> wholeSecrets.contains(entry.substring(0, entry.indexOf('/'))));
        documented.addAll(wholeSecrets.stream().map(s -> s + "/*").toList());

        assertThat(referenced).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void noSecretIsCommitted() throws IOException {
        try (Stream<Path> files = Files.walk(Repository.path("deploy"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                assertThat(Yaml.documents(file)).as(file.toString())
                        .noneSatisfy(document -> assertThat(document.path("kind").asText()).isEqualTo("Secret"));
            }
        }
    }

    @Test
    void createSecretsMakesExactlyTheDocumentedSecretsWithFreshRandomValues() {
        assumeTrue(Kubectl.installed(), "kubectl is not installed: create-secrets.sh needs it");

        Map<String, Map<String, String>> first = dryRun();
        Map<String, Map<String, String>> second = dryRun();

        Map<String, List<String>> expected = new TreeMap<>();
        documented().forEach((secret, keys) -> {
            if (createdByScript(secret)) {
                expected.put(secret, keys);
            }
        });
        assertThat(first.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        first.forEach((secret, values) -> {
            List<String> keys = expected.get(secret);
            assertThat(values.keySet()).as(secret).hasSameSizeAs(keys);
            for (String key : values.keySet()) {
                assertThat(keys.stream().anyMatch(documentedKey -> documentedKey.equals(key)
                        || (documentedKey.contains("<id>") && key.startsWith(documentedKey.substring(0, documentedKey.indexOf("<id>"))))))
                        .as(secret + "/" + key).isTrue();
            }
        });
        for (String generated : List.of("postgres-identity", "redis", "keycloak-clients", "catalog-content")) {
            first.get(generated).forEach((key, value) -> {
                if (!key.equals("username") && !key.startsWith("s3-")) {
                    assertThat(value).as(generated + "/" + key).hasSizeGreaterThanOrEqualTo(32)
                            .isNotEqualTo(second.get(generated).get(key));
                }
            });
        }
        assertThat(first.get("stripe")).containsEntry("api-key", "sk_test_from_the_environment");
    }

    /** The keys docs/operations.md lists for a Secret. */
    static List<String> documentedKeys(String secret) {
        return documented().getOrDefault(secret, List.of());
    }

    private static Map<String, List<String>> documented() {
        Map<String, List<String>> secrets = new TreeMap<>();
        for (List<String> row : Docs.table("docs/operations.md", "Secrets")) {
            for (String name : Docs.list(row.get(0))) {
                secrets.put(name, Docs.list(row.get(1)));
            }
        }
        return secrets;
    }

    private static boolean createdByScript(String secret) {
        return Docs.table("docs/operations.md", "Secrets").stream()
                .filter(row -> Docs.list(row.get(0)).contains(secret)).anyMatch(row -> row.get(3).equals(SCRIPT));
    }

    private static Set<String> references(Overlay overlay) {
        Set<String> references = new TreeSet<>();
        List<PodSpec> pods = new ArrayList<>();
        overlay.all(Deployment.class).forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
        overlay.all(StatefulSet.class).forEach(s -> pods.add(s.getSpec().getTemplate().getSpec()));
        overlay.all(CronJob.class).forEach(c -> pods.add(c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()));
        for (PodSpec pod : pods) {
            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(pod.getInitContainers());
            for (Container container : containers) {
                container.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                        .map(e -> e.getValueFrom().getSecretKeyRef())
                        .forEach(ref -> references.add(ref.getName() + "/" + ref.getKey()));
                container.getEnvFrom().stream().filter(e -> e.getSecretRef() != null)
                        .forEach(e -> references.add(e.getSecretRef().getName() + "/*"));
            }
        }
        for (Cluster cluster : overlay.all(Cluster.class)) {
            cluster.spec().managed().roles().forEach(role -> basicAuth(references, role.passwordSecret().name()));
            basicAuth(references, cluster.spec().bootstrap().initdb().secret().name());
        }
        for (ObjectStore store : overlay.all(ObjectStore.class)) {
            var credentials = store.spec().configuration().s3Credentials();
            references.add(credentials.accessKeyId().name() + "/" + credentials.accessKeyId().key());
            references.add(credentials.secretAccessKey().name() + "/" + credentials.secretAccessKey().key());
        }
        for (Keycloak keycloak : overlay.all(Keycloak.class)) {
            var db = keycloak.spec().db();
            references.add(db.usernameSecret().name() + "/" + db.usernameSecret().key());
            references.add(db.passwordSecret().name() + "/" + db.passwordSecret().key());
            basicAuth(references, keycloak.spec().bootstrapAdmin().user().secret());
        }
        for (KeycloakRealmImport realmImport : overlay.all(KeycloakRealmImport.class)) {
            realmImport.spec().placeholders().values()
                    .forEach(p -> references.add(p.secret().name() + "/" + p.secret().key()));
        }
        for (MongoDbCommunity mongo : overlay.all(MongoDbCommunity.class)) {
            mongo.spec().users().forEach(user -> references.add(user.passwordSecretRef().name() + "/"
                    + (user.passwordSecretRef().key() == null ? "password" : user.passwordSecretRef().key())));
        }
        for (Ingress ingress : overlay.all(Ingress.class)) {
            if (ingress.getSpec().getTls() != null) {
                ingress.getSpec().getTls().forEach(tls -> {
                    references.add(tls.getSecretName() + "/tls.crt");
                    references.add(tls.getSecretName() + "/tls.key");
                });
            }
        }
        return references;
    }

    private static void basicAuth(Set<String> references, String secret) {
        references.add(secret + "/username");
        references.add(secret + "/password");
    }

    private static Map<String, Map<String, String>> dryRun() {
        Command.Result result = Command.run(List.of("bash", Repository.path("deploy/k8s/" + SCRIPT).toString(), "--dry-run"),
                Map.of("STRIPE_API_KEY", "sk_test_from_the_environment", "STRIPE_WEBHOOK_SECRET", "whsec_from_the_environment",
                        "BACKUP_S3_ACCESS_KEY_ID", "backup-key", "BACKUP_S3_SECRET_ACCESS_KEY", "backup-secret"));
        assertThat(result.succeeded()).as(result.errors()).isTrue();
        Map<String, Map<String, String>> secrets = new TreeMap<>();
        for (ObjectNode secret : Yaml.documents(result.output())) {
            Map<String, String> values = new TreeMap<>();
            secret.path("data").fields().forEachRemaining(field -> values.put(field.getKey(),
                    new String(Base64.getDecoder().decode(field.getValue().asText()), StandardCharsets.UTF_8)));
            secrets.put(secret.path("metadata").path("name").asText(), values);
        }
        return secrets;
    }
}
