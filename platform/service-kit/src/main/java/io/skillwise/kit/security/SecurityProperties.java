package io.skillwise.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Where tokens come from, whom they must be for and which clients may use them where. Services validate every token
 * themselves (issuer, signature through the JWKS, expiry, audience, client, session): the network behind the gateway
 * is not trusted.
 *
 * @param appClients         the {@code azp} of user tokens (the apps' client): accepted on every route but
 *                           {@code /internal/**}
 * @param serviceClients     the {@code azp} of machine tokens (client credentials of other services): accepted only on
 *                           {@code /internal/**} and for {@code /actuator/prometheus}
 * @param revocationFailOpen accept tokens without the logout denylist check while Redis is unreachable (as the gateway
 *                           does); false answers 401 instead
 */
@ConfigurationProperties("skillwise.security")
public record SecurityProperties(String issuer, String jwkSetUri, String audience, List<String> appClients,
                                 List<String> serviceClients, boolean revocationFailOpen) {

    public SecurityProperties {
        appClients = appClients == null ? List.of() : List.copyOf(appClients);
        serviceClients = serviceClients == null ? List.of() : List.copyOf(serviceClients);
    }
}
