package io.skillwise.payment.promotion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The quote call to promotion-service (ADR 0006). Its token comes from the kit's service-token client
 * ({@code skillwise.service-token.*}).
 *
 * @param url                   promotion-service's base URL (devstack: {@code SKILLWISE_SERVICES_PROMOTION_URL})
 * @param connectTimeout        the most the quote request waits for a connection
 * @param readTimeout           the most the quote request waits for promotion-service's answer
 * @param timeout               the most a checkout waits for a quote, token included (the time limiter)
 * @param breakerWindow         calls the circuit breaker looks back on
 * @param breakerMinimumCalls   calls before it may open
 * @param breakerFailurePercent failure rate that opens it
 * @param breakerOpenFor        how long it stays open before letting a trial call through
 */
@ConfigurationProperties("skillwise.payment.promotions")
public record PromotionsProperties(String url, Duration connectTimeout, Duration readTimeout, Duration timeout,
                                   int breakerWindow, int breakerMinimumCalls, float breakerFailurePercent,
                                   Duration breakerOpenFor) {
}
