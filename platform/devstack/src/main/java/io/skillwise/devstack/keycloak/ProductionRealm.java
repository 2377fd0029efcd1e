package io.skillwise.devstack.keycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The realm for a production Keycloak, made from the local one ({@code deploy/keycloak/skillwise-realm.json}) so the
 * two never drift apart: {@code `./skillwise production-realm > skillwise-realm.json`}. Everything the local file
 * holds only for local runs is replaced:
 * <ul>
 *   <li>{@code sslRequired} becomes {@code external}: HTTPS for every request that does not come from a private
 *       address (the services reach Keycloak inside the cluster);</li>
 *   <li>the confidential clients' secrets become {@code ${VARIABLE}} placeholders, which Keycloak fills from its
 *       environment when it imports the realm: the same variables the services read their secrets from;</li>
 *   <li>the apps' redirect URI and web origin become placeholders too (the local file allows any localhost port);</li>
 *   <li>users with a password (the local admin, whose password is public) are left out; service accounts stay.</li>
 * </ul>
 * docs/configuration.md says what else a production Keycloak needs.
 */
public final class ProductionRealm {

    public static final String SSL_REQUIRED = "external";
    /** Each confidential client's secret, by the environment variable the service that uses it reads too. */
    public static final Map<String, String> CLIENT_SECRETS = Map.of(
            "identity-service", "SKILLWISE_IDENTITY_CLIENT_SECRET",
            "payment-service", "SKILLWISE_PAYMENT_CLIENT_SECRET",
            "notification-service", "SKILLWISE_NOTIFICATION_CLIENT_SECRET");
    public static final String APP_CLIENT = "skillwise-app";
    public static final String APP_REDIRECT_URI = "SKILLWISE_APP_REDIRECT_URI";
    public static final String APP_WEB_ORIGIN = "SKILLWISE_APP_WEB_ORIGIN";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ProductionRealm() {
    }

    public static String from(String localRealm) {
        ObjectNode realm = (ObjectNode) JSON.readTree(localRealm);
        realm.put("sslRequired", SSL_REQUIRED);
        for (JsonNode node : realm.withArray("clients")) {
            ObjectNode client = (ObjectNode) node;
            String clientId = client.path("clientId").asString();
            if (client.has("secret")) {
                String variable = CLIENT_SECRETS.get(clientId);
                if (variable == null) {
                    throw new IllegalStateException("confidential client " + clientId + " has no secret variable in "
                            + "ProductionRealm.CLIENT_SECRETS");
                }
                client.put("secret", placeholder(variable));
            }
            if (clientId.equals(APP_CLIENT)) {
                client.putArray("redirectUris").add(placeholder(APP_REDIRECT_URI));
                client.putArray("webOrigins").add(placeholder(APP_WEB_ORIGIN));
            }
        }
        ArrayNode users = realm.withArray("users");
        for (int i = users.size() - 1; i >= 0; i--) {
            if (users.get(i).has("credentials")) {
                users.remove(i);
            }
        }
        return JSON.writeValueAsString(realm);
    }

    static String placeholder(String variable) {
        return "${" + variable + "}";
    }
}
