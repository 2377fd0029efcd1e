package io.skillwise.payment.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The all-access plan.
 *
 * @param stripePriceId a recurring Price in the Stripe account; blank means the price is sent inline (monthly)
 */
@ConfigurationProperties("skillwise.payment.subscriptions")
public record SubscriptionProperties(String planCode, long priceAmount, String currency, String stripePriceId) {
}
