package io.skillwise.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.skillwise.deploy.Repository;
import io.skillwise.devstack.keycloak.ProductionRealm;
import io.skillwise.deploy.kubernetes.OperatorResources.KeycloakRealmImport;
import io.skillwise.deploy.kubernetes.OperatorResources.SecretKeyReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm both deployments import: production-safe, and its client secrets the ones the services use. */
class KeycloakRealmTest {

    private static final JsonMapper JSON = new JsonMapper();

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theRealmImportFillsEveryPlaceholderFromTheSecretTheServicesRead(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        KeycloakRealmImport realmImport = overlay.get(KeycloakRealmImport.class, "skillwise");
        JsonNode realm = JSON.valueToTree(realmImport.spec().realm());

        assertThat(realmImport.spec().keycloakCRName()).isEqualTo("keycloak");
        assertThat(realmImport.spec().placeholders().keySet()).containsExactlyInAnyOrderElementsOf(placeholders(realm));
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
        for (String service : List.of("identity-service", "payment-service")) {
            var environment = PodEnvironment.of(overlay, service);
            realmImport.spec().placeholders().forEach((variable, placeholder) -> {
                SecretKeySelector used = environment.fromSecrets().get(variable);
                if (used != null) {
                    SecretKeyReference imported = placeholder.secret();
                    assertThat(used.getName() + "/" + used.getKey()).as(variable)
                            .isEqualTo(imported.name() + "/" + imported.key());
                }
            });
        }
    }

    @Test
    void theCommittedProductionRealmIsTheOneDevstackMakesFromTheLocalRealm() throws Exception {
        JsonNode committed = JSON.readTree(Repository.read("deploy/keycloak/production/skillwise-realm.json"));
        JsonNode made = JSON.readTree(ProductionRealm.from(Repository.read("deploy/keycloak/skillwise-realm.json")));

        assertThat(committed).as("regenerate it: ./skillwise production-realm > deploy/keycloak/production/skillwise-realm.json")
                .isEqualTo(made);
    }

    @Test
    void theServicesReadTheClientSecretsTheRealmImportFills() {
        Overlay overlay = Overlay.named("production");
        KeycloakRealmImport realmImport = overlay.get(KeycloakRealmImport.class, "skillwise");
        assertThat(realmImport.spec().placeholders()).containsKeys(ProductionRealm.CLIENT_SECRETS.values().toArray(String[]::new));
        for (String service : List.of("identity-service", "payment-service")) {
            assertThat(PodEnvironment.of(overlay, service).fromSecrets()).as(service)
                    .containsKey(ProductionRealm.CLIENT_SECRETS.get(service));
        }
    }

    @Test
    void kubernetesAndComposeImportTheSameProductionRealm() throws Exception {
        JsonNode kubernetes = JSON.valueToTree(Overlay.named("production").get(KeycloakRealmImport.class, "skillwise").spec().realm());
        JsonNode compose = JSON.readTree(Repository.read("deploy/keycloak/production/skillwise-realm.json"));
        JsonNode local = JSON.readTree(Repository.read("deploy/keycloak/skillwise-realm.json"));

        JsonNode composeTyped = JSON.valueToTree(JSON.treeToValue(compose, org.keycloak.representations.idm.RealmRepresentation.class));
        assertThat(composeTyped).isEqualTo(kubernetes);
        assertThat(compose.path("realm").asText()).isEqualTo(local.path("realm").asText());
        assertThat(compose.path("sslRequired").asText()).isEqualTo("external");
        assertThat(compose.path("users")).as("no user with a password").allSatisfy(user ->
                assertThat(user.has("credentials")).isFalse());
        for (JsonNode client : compose.path("clients")) {
            if (client.has("secret")) {
                assertThat(client.path("secret").asText()).as(client.path("clientId").asText()).startsWith("${");
            }
        }
    }

    private static TreeSet<String> placeholders(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        List<JsonNode> stack = new ArrayList<>(List.of(node));
        while (!stack.isEmpty()) {
            JsonNode current = stack.removeLast();
            if (current.isTextual() && current.asText().startsWith("${") && current.asText().endsWith("}")) {
                names.add(current.asText().substring(2, current.asText().length() - 1));
            }
            current.elements().forEachRemaining(stack::add);
        }
        return names;
    }

}
