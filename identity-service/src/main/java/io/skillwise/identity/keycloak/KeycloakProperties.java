package io.skillwise.identity.keycloak;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where Keycloak is and how identity-service talks to it ({@code skillwise.identity.keycloak.*}). The Admin API
 * client's own credentials are the service's token client's ({@code skillwise.service-token.*}).
 *
 * @param baseUrl           Keycloak's root URL, e.g. {@code http://127.0.0.1:8180}
 * @param realm             the platform realm
 * @param appClientId       the public client of the apps, whose direct grant backs {@code POST /auth/login}
 * @param timeout           connect and read timeout of every call to Keycloak
 */
@ConfigurationProperties("skillwise.identity.keycloak")
public record KeycloakProperties(String baseUrl, String realm, String appClientId, Duration timeout) {

    public String tokenEndpoint() {
        return baseUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    public String logoutEndpoint() {
        return baseUrl + "/realms/" + realm + "/protocol/openid-connect/logout";
    }

    public String adminBase() {
        return baseUrl + "/admin/realms/" + realm;
    }
}
