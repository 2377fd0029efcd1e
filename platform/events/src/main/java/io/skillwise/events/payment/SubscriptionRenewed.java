package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A subscription's renewal was paid: access continues through the new period.
 *
 * @param subscriptionId     the subscription
 * @param subscriberId       who holds it
 * @param planCode           the plan
 * @param amount             the amount paid for the new period
 * @param currentPeriodStart start of the new period
 * @param currentPeriodEnd   end of the new period
 * @param occurredAt         when the renewal payment was confirmed
 */
public record SubscriptionRenewed(
        UUID subscriptionId,
        UUID subscriberId,
        String planCode,
        Money amount,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        Instant occurredAt) implements SubscriptionEvent {

    public SubscriptionRenewed {
        requireNonNull(subscriptionId, "subscriptionId");
        requireNonNull(subscriberId, "subscriberId");
        requireNonNull(planCode, "planCode");
        requireNonNull(amount, "amount");
        requireNonNull(currentPeriodStart, "currentPeriodStart");
        requireNonNull(currentPeriodEnd, "currentPeriodEnd");
        requireNonNull(occurredAt, "occurredAt");
    }
}
