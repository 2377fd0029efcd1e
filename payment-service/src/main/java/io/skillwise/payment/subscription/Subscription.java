package io.skillwise.payment.subscription;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.UUID;

/** One subscriber's all-access plan; changes return new values. */
public record Subscription(UUID id, UUID subscriberId, String subscriberEmail, String idempotencyKey, String planCode,
                           long priceAmount, String currency, SubscriptionStatus status, String stripeSubscriptionId,
                           String checkoutSessionId, String checkoutUrl, Instant currentPeriodStart,
                           Instant currentPeriodEnd, boolean cancelAtPeriodEnd, Instant createdAt,
                           Instant updatedAt) {

    public Money price() {
        return Money.of(priceAmount, currency);
    }

    public Subscription withCheckout(String sessionId, String url, Instant now) {
        return new Subscription(id, subscriberId, subscriberEmail, idempotencyKey, planCode, priceAmount, currency,
                status, stripeSubscriptionId, sessionId, url, currentPeriodStart, currentPeriodEnd,
                cancelAtPeriodEnd, createdAt, now);
    }

    public Subscription linked(String stripeId, Instant now) {
        return new Subscription(id, subscriberId, subscriberEmail, idempotencyKey, planCode, priceAmount, currency,
                status, stripeId, checkoutSessionId, checkoutUrl, currentPeriodStart, currentPeriodEnd,
                cancelAtPeriodEnd, createdAt, now);
    }

    /** A paid period: the first one activates, later ones renew. */
    public Subscription paidFor(Instant start, Instant end, Instant now) {
        return new Subscription(id, subscriberId, subscriberEmail, idempotencyKey, planCode, priceAmount, currency,
                SubscriptionStatus.ACTIVE, stripeSubscriptionId, checkoutSessionId, checkoutUrl, start, end,
                cancelAtPeriodEnd, createdAt, now);
    }

    public Subscription with(SubscriptionStatus next, boolean cancelAtEnd, Instant now) {
        return new Subscription(id, subscriberId, subscriberEmail, idempotencyKey, planCode, priceAmount, currency,
                next, stripeSubscriptionId, checkoutSessionId, checkoutUrl, currentPeriodStart, currentPeriodEnd,
                cancelAtEnd, createdAt, now);
    }
}
