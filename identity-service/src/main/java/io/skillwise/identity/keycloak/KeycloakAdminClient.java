package io.skillwise.identity.keycloak;

import io.skillwise.kit.servicetoken.ServiceTokenClient;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keycloak's Admin API through identity-service's service account (client credentials, from the kit's
 * {@link ServiceTokenClient}: {@code skillwise.service-token.*}). Only user management: the account holds
 * realm-management manage-users, view-users, query-users and view-realm (to read role objects).
 */
@Component
public class KeycloakAdminClient {

    /**
     * The user attribute that says "has a second factor"; the realm's user profile lets only admins (us) edit it,
     * and the app client maps it into access tokens as the boolean claim {@code mfa_enabled}
     * (deploy/keycloak/skillwise-realm.json), which the services' {@code SecondFactorPolicy} reads.
     */
    public static final String MFA_ATTRIBUTE = "mfa_enabled";

    private final KeycloakProperties properties;
    private final ServiceTokenClient tokens;
    private final JsonMapper json;
    private final RestClient http;

    public KeycloakAdminClient(KeycloakProperties properties, ServiceTokenClient tokens, JsonMapper json) {
        this.properties = properties;
        this.tokens = tokens;
        this.json = json;
        this.http = KeycloakHttp.restClient(properties);
    }

    /** Creates an enabled, unverified user without credentials; answers its id. 409 when the email is taken. */
    public UUID createUser(String email, String firstName, String lastName) {
        ObjectNode user = json.createObjectNode()
                .put("username", email)
                .put("email", email)
                .put("firstName", firstName)
                .put("lastName", lastName)
                .put("enabled", true)
                .put("emailVerified", false);
        URI location = http.post().uri(properties.adminBase() + "/users")
                .headers(h -> h.setBearerAuth(accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(user)
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw KeycloakHttp.error(response.getStatusCode(), response.getBody(), json);
                    }
                    return response.getHeaders().getLocation();
                });
        if (location == null) {
            throw new KeycloakException(500, "no_location", "Keycloak created a user but did not say its id");
        }
        String path = location.getPath();
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    /** Sets a permanent password; Keycloak checks the realm's password policy and answers 400 with the reason. */
    public void resetPassword(UUID userId, String password) {
        ObjectNode credential = json.createObjectNode()
                .put("type", "password")
                .put("value", password)
                .put("temporary", false);
        send(http.put().uri(userPath(userId) + "/reset-password").contentType(MediaType.APPLICATION_JSON).body(credential));
    }

    public Optional<KeycloakUser> findUser(UUID userId) {
        try {
            return Optional.of(toUser(get(userPath(userId))));
        } catch (KeycloakException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Optional<KeycloakUser> findByEmail(String email) {
        JsonNode users = http.get().uri(properties.adminBase() + "/users?exact=true&briefRepresentation=true&email={email}", email)
                .headers(h -> h.setBearerAuth(accessToken()))
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw KeycloakHttp.error(response.getStatusCode(), response.getBody(), json);
                    }
                    return json.readTree(response.getBody());
                });
        for (JsonNode user : users) {
            if (email.equalsIgnoreCase(user.path("email").asString(""))) {
                return Optional.of(toUser(user));
            }
        }
        return Optional.empty();
    }

    /**
     * Changes some fields of a user. The full representation is read and written back: with Keycloak's user
     * profile, a partial representation may clear the attributes it leaves out.
     */
    public void updateUser(UUID userId, Map<String, Object> changes) {
        ObjectNode user = (ObjectNode) get(userPath(userId));
        changes.forEach((field, value) -> user.set(field, json.valueToTree(value)));
        send(http.put().uri(userPath(userId)).contentType(MediaType.APPLICATION_JSON).body(user));
    }

    public void deleteUser(UUID userId) {
        try {
            send(http.delete().uri(userPath(userId)));
        } catch (KeycloakException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    public List<String> realmRoles(UUID userId) {
        List<String> roles = new ArrayList<>();
        for (JsonNode role : get(userPath(userId) + "/role-mappings/realm")) {
            roles.add(role.path("name").asString());
        }
        return roles;
    }

    /** Grants realm roles; Keycloak wants the role objects, read with view-realm. */
    public void addRealmRoles(UUID userId, List<String> roles) {
        if (!roles.isEmpty()) {
            send(http.post().uri(userPath(userId) + "/role-mappings/realm").contentType(MediaType.APPLICATION_JSON)
                    .body(roleObjects(roles)));
        }
    }

    public void removeRealmRoles(UUID userId, List<String> roles) {
        if (!roles.isEmpty()) {
            send(http.method(org.springframework.http.HttpMethod.DELETE).uri(userPath(userId) + "/role-mappings/realm")
                    .contentType(MediaType.APPLICATION_JSON).body(roleObjects(roles)));
        }
    }

    public List<KeycloakCredential> credentials(UUID userId) {
        List<KeycloakCredential> credentials = new ArrayList<>();
        for (JsonNode credential : get(userPath(userId) + "/credentials")) {
            credentials.add(new KeycloakCredential(credential.path("id").asString(), credential.path("type").asString()));
        }
        return credentials;
    }

    public boolean hasOtp(UUID userId) {
        return credentials(userId).stream().anyMatch(KeycloakCredential::isOtp);
    }

    /**
     * Stores a TOTP secret as a Keycloak OTP credential (the Admin API way docs/local-infrastructure.md describes),
     * so Keycloak itself demands the code at every password grant from then on. Keycloak takes the secret's UTF-8 bytes as the
     * HMAC key, so the secret is a string of ASCII characters (as Keycloak generates its own).
     */
    public void addTotpCredential(UUID userId, String rawSecret, String label) {
        ObjectNode user = (ObjectNode) get(userPath(userId));
        ObjectNode credential = json.createObjectNode()
                .put("type", "otp")
                .put("userLabel", label)
                .put("secretData", json.createObjectNode()
                        .put("value", rawSecret).toString())
                .put("credentialData", json.createObjectNode()
                        .put("subType", "totp").put("digits", 6).put("counter", 0).put("period", 30)
                        .put("algorithm", "HmacSHA1").toString());
        user.set("credentials", json.createArrayNode().add(credential));
        // in the same write, so a user never has the credential without the claim that services check
        attributes(user).set(MFA_ATTRIBUTE, json.createArrayNode().add("true"));
        send(http.put().uri(userPath(userId)).contentType(MediaType.APPLICATION_JSON).body(user));
    }

    /** Removes the {@code mfa_enabled} attribute, once the user's OTP credentials are gone. */
    public void clearMfaAttribute(UUID userId) {
        ObjectNode user = (ObjectNode) get(userPath(userId));
        attributes(user).remove(MFA_ATTRIBUTE);
        send(http.put().uri(userPath(userId)).contentType(MediaType.APPLICATION_JSON).body(user));
    }

    private ObjectNode attributes(ObjectNode user) {
        JsonNode attributes = user.get("attributes");
        if (attributes instanceof ObjectNode existing) {
            return existing;
        }
        return user.putObject("attributes");
    }

    public void deleteCredential(UUID userId, String credentialId) {
        send(http.delete().uri(userPath(userId) + "/credentials/" + credentialId));
    }

    /** The ids of the user's open sessions: the {@code sid} claim of their tokens. */
    public List<String> sessionIds(UUID userId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode session : get(userPath(userId) + "/sessions")) {
            ids.add(session.path("id").asString());
        }
        return ids;
    }

    /** Ends every session of the user; their refresh tokens stop working at once. */
    public void logoutEverywhere(UUID userId) {
        send(http.post().uri(userPath(userId) + "/logout"));
    }

    private JsonNode roleObjects(List<String> roles) {
        var array = json.createArrayNode();
        for (String role : roles) {
            array.add(get(properties.adminBase() + "/roles/" + role));
        }
        return array;
    }

    private static KeycloakUser toUser(JsonNode user) {
        return new KeycloakUser(UUID.fromString(user.path("id").asString()), user.path("email").asString(null),
                user.path("firstName").asString(null), user.path("lastName").asString(null),
                user.path("enabled").asBoolean(false), user.path("emailVerified").asBoolean(false));
    }

    private String userPath(UUID userId) {
        return properties.adminBase() + "/users/" + userId;
    }

    private JsonNode get(String url) {
        return http.get().uri(URI.create(url))
                .headers(h -> h.setBearerAuth(accessToken()))
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw KeycloakHttp.error(response.getStatusCode(), response.getBody(), json);
                    }
                    return json.readTree(response.getBody());
                });
    }

    private void send(RestClient.RequestBodySpec request) {
        request.headers(h -> h.setBearerAuth(accessToken()))
                .exchange((req, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw KeycloakHttp.error(response.getStatusCode(), response.getBody(), json);
                    }
                    return null;
                });
    }

    private void send(RestClient.RequestHeadersSpec<?> request) {
        request.headers(h -> h.setBearerAuth(accessToken()))
                .exchange((req, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw KeycloakHttp.error(response.getStatusCode(), response.getBody(), json);
                    }
                    return null;
                });
    }

    /** The service account's token (identity-service's client credentials), shared through the kit's client. */
    private String accessToken() {
        return tokens.token();
    }
}
