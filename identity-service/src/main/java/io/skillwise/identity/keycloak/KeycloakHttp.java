package io.skillwise.identity.keycloak;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

/** The HTTP plumbing shared by the admin and token clients: one RestClient, Keycloak's errors as exceptions. */
final class KeycloakHttp {

    private KeycloakHttp() {
    }

    static RestClient restClient(KeycloakProperties properties) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                // Keycloak is reached directly; a proxy from the environment must never see admin tokens.
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.timeout());
        return RestClient.builder().requestFactory(factory).build();
    }

    /**
     * Keycloak's error bodies come in three shapes: {@code {error, error_description}} (token endpoint, newer admin
     * endpoints), {@code {errorMessage}} (user creation, policies) and empty; all become one exception.
     */
    static KeycloakException error(HttpStatusCode status, InputStream body, JsonMapper json) throws IOException {
        String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        String error = "";
        String reason = "";
        if (!text.isBlank()) {
            try {
                JsonNode node = json.readTree(text);
                error = node.path("error").asString("");
                reason = node.path("error_description").asString("");
                if (reason.isBlank()) {
                    reason = node.path("errorMessage").asString("");
                }
            } catch (RuntimeException notJson) {
                reason = text.length() > 200 ? text.substring(0, 200) : text;
            }
        }
        return new KeycloakException(status.value(), error, reason.isBlank() ? error : reason);
    }
}
