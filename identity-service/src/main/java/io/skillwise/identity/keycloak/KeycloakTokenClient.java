package io.skillwise.identity.keycloak;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak's token and logout endpoints on behalf of the apps' public client: the API login is the direct grant of
 * that client, so tokens from {@code /auth/login} and from the browser PKCE flow are alike.
 */
@Component
public class KeycloakTokenClient {

    private final KeycloakProperties properties;
    private final JsonMapper json;
    private final RestClient http;

    public KeycloakTokenClient(KeycloakProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = KeycloakHttp.restClient(properties);
    }

    /** Direct grant; {@code otp} goes along when given. Wrong password and wrong/missing code are both 401. */
    public TokenSet passwordGrant(String username, String password, String otp) {
        MultiValueMap<String, String> form = form("password");
        form.add("username", username);
        form.add("password", password);
        if (otp != null && !otp.isBlank()) {
            form.add("otp", otp);
        }
        // "openid" so the token carries the session id and the user's claims the same way the browser flow does.
        form.add("scope", "openid");
        return tokens(form);
    }

    /** Exchanges a refresh token; Keycloak rotates it (the realm revokes a refresh token after one use). */
    public TokenSet refresh(String refreshToken) {
        MultiValueMap<String, String> form = form("refresh_token");
        form.add("refresh_token", refreshToken);
        return tokens(form);
    }

    /** Ends the session the refresh token belongs to; the refresh token and its successors stop working. */
    public void logout(String refreshToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", properties.appClientId());
        form.add("refresh_token", refreshToken);
        http.post().uri(properties.logoutEndpoint())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw KeycloakHttp.error(response.getStatusCode(), response.getBody(), json);
                    }
                    return null;
                });
    }

    private MultiValueMap<String, String> form(String grantType) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", grantType);
        form.add("client_id", properties.appClientId());
        return form;
    }

    private TokenSet tokens(MultiValueMap<String, String> form) {
        JsonNode answer = http.post().uri(properties.tokenEndpoint())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw KeycloakHttp.error(response.getStatusCode(), response.getBody(), json);
                    }
                    return json.readTree(response.getBody());
                });
        return new TokenSet(answer.path("access_token").asString(), answer.path("refresh_token").asString(),
                answer.path("expires_in").asLong(), answer.path("refresh_expires_in").asLong());
    }
}
