package io.skillwise.payment.promotion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The quote call to promotion-service (ADR 0006).
 *
 * @param url                   promotion-service's base URL (devstack: {@code SKILLWISE_SERVICES_PROMOTION_URL})
 * @param tokenUrl              Keycloak's token endpoint for the client-credentials grant
 * @param clientId              payment-service's Keycloak client
 * @param clientSecret          its secret
 * @param timeout               the most a checkout waits for a quote, token included
 * @param breakerWindow         calls the circuit breaker looks back on
 * @param breakerMinimumCalls   calls before it may open
 * @param breakerFailurePercent failure rate that opens it
 * @param breakerOpenFor        how long it stays open before letting a trial call through
 */
@ConfigurationProperties("skillwise.payment.promotions")
public record PromotionsProperties(String url, String tokenUrl, String clientId, String clientSecret,
                                   Duration timeout, int breakerWindow, int breakerMinimumCalls,
                                   float breakerFailurePercent, Duration breakerOpenFor) {
}
