package io.skillwise.kit.servicetoken;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own identity towards other services ({@code skillwise.service-token.*}): a confidential Keycloak
 * client whose client-credentials tokens it sends. Without a {@code client-id} the service has no such identity and
 * no {@link ServiceTokenClient}.
 *
 * @param tokenUrl       Keycloak's token endpoint (the kit's default is the local realm's, from
 *                       {@code SKILLWISE_KEYCLOAK_URL})
 * @param clientId       the service's Keycloak client, e.g. {@code payment-service}
 * @param clientSecret   its secret; set from the environment outside local development
 * @param connectTimeout the most a token call waits for a connection
 * @param readTimeout    the most a token call waits for Keycloak's answer
 * @param refreshBefore  how long before its expiry a token is replaced, so that a token sent is never about to
 *                       lapse on the way (at most half its lifetime, for short-lived tokens)
 */
@ConfigurationProperties("skillwise.service-token")
public record ServiceTokenProperties(String tokenUrl, String clientId, String clientSecret, Duration connectTimeout,
                                     Duration readTimeout, Duration refreshBefore) {

    public ServiceTokenProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        refreshBefore = refreshBefore == null ? Duration.ofSeconds(30) : refreshBefore;
    }
}
