package io.skillwise.devstack.keycloak;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionRealmTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String local = read(Path.of(System.getProperty("skillwise.home", "../.."))
            .resolve("deploy/keycloak/skillwise-realm.json"));
    private final JsonNode production = JSON.readTree(ProductionRealm.from(local));

    @Test
    void requiresHttpsFromOutsideTheCluster() {
        assertThat(JSON.readTree(local).path("sslRequired").asString()).isEqualTo("none");
        assertThat(production.path("sslRequired").asString()).isEqualTo("external");
    }

    @Test
    void takesEveryClientSecretFromTheEnvironmentAndKeepsNoDevelopmentSecret() {
        for (JsonNode client : production.path("clients")) {
            if (client.has("secret")) {
                assertThat(client.path("secret").asString()).as(client.path("clientId").asString())
                        .isEqualTo("${" + ProductionRealm.CLIENT_SECRETS.get(client.path("clientId").asString()) + "}");
            }
        }
        assertThat(production.toString()).doesNotContain("dev-secret").doesNotContain("skillwise-admin");
    }

    @Test
    void leavesOutPeopleWithPasswordsButKeepsTheServiceAccounts() {
        assertThat(production.path("users").findValuesAsString("username")).containsExactlyInAnyOrder(
                "service-account-identity-service", "service-account-payment-service",
                "service-account-notification-service");
        assertThat(production.path("users").findValues("credentials")).isEmpty();
    }

    @Test
    void theAppsRedirectOnlyWhereTheDeploymentSays() {
        JsonNode app = client(production, "skillwise-app");
        assertThat(app.path("redirectUris").valueStream().map(JsonNode::asString))
                .containsExactly("${SKILLWISE_APP_REDIRECT_URI}");
        assertThat(app.path("webOrigins").valueStream().map(JsonNode::asString))
                .containsExactly("${SKILLWISE_APP_WEB_ORIGIN}");
    }

    @Test
    void everythingElseIsTheLocalRealm() {
        ObjectNode expected = (ObjectNode) JSON.readTree(local);
        ObjectNode actual = (ObjectNode) production.deepCopy();
        for (ObjectNode realm : new ObjectNode[] {expected, actual}) {
            realm.remove(java.util.List.of("sslRequired", "users"));
            for (JsonNode client : realm.path("clients")) {
                ((ObjectNode) client).remove(java.util.List.of("secret", "redirectUris", "webOrigins"));
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return realm.path("clients").valueStream().filter(c -> c.path("clientId").asString().equals(clientId))
                .findFirst().orElseThrow();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
