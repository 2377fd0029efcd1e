package io.skillwise.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skillwise.gateway.security.*}: how access tokens are validated.
 *
 * @param jwkSetUri the identity provider's JWKS endpoint (Keycloak: {@code <issuer>/protocol/openid-connect/certs});
 *        fetched on first use, so the provider need not be up when the gateway starts
 * @param issuer the exact {@code iss} every token must carry
 * @param audience a value every token's {@code aud} must contain
 * @param jwksCacheTtl how long fetched keys are used before they are fetched again
 * @param jwksMinRefreshInterval least time between two fetches caused by tokens with an unknown key id, so
 *        forged tokens cannot turn the gateway into a load generator against the provider
 * @param revocationFailOpen accept tokens without the denylist check while Redis is unreachable (see
 *        {@link io.skillwise.gateway.redis.RedisAvailability}); false answers 503 instead
 * @param appClients the {@code azp} of the apps' tokens: the only tokens the routed API takes
 * @param serviceClients the {@code azp} of other services' client-credentials tokens: valid (the services take them
 *        on their internal routes), but through the gateway only for {@code /actuator/prometheus}
 */
@ConfigurationProperties("skillwise.gateway.security")
public record SecurityProperties(URI jwkSetUri, String issuer, String audience, Duration jwksCacheTtl,
        Duration jwksMinRefreshInterval, boolean revocationFailOpen, List<String> appClients,
        List<String> serviceClients) {

    public SecurityProperties {
        Objects.requireNonNull(jwkSetUri, "skillwise.gateway.security.jwk-set-uri is required");
        Objects.requireNonNull(issuer, "skillwise.gateway.security.issuer is required");
        Objects.requireNonNull(audience, "skillwise.gateway.security.audience is required");
        Objects.requireNonNull(jwksCacheTtl, "skillwise.gateway.security.jwks-cache-ttl is required");
        Objects.requireNonNull(jwksMinRefreshInterval, "skillwise.gateway.security.jwks-min-refresh-interval is required");
        appClients = appClients == null ? List.of() : List.copyOf(appClients);
        serviceClients = serviceClients == null ? List.of() : List.copyOf(serviceClients);
    }
}
