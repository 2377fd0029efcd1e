package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A subscriber's first payment for the all-access plan went through: every published course is open to them until
 * the subscription ends.
 *
 * @param subscriptionId     the subscription
 * @param subscriberId       who subscribed
 * @param planCode           the plan, e.g. {@code all-access-monthly}
 * @param price              the price of one period
 * @param currentPeriodStart start of the paid period
 * @param currentPeriodEnd   end of the paid period; renewal extends it
 * @param occurredAt         when the first payment was confirmed
 */
public record SubscriptionActivated(
        UUID subscriptionId,
        UUID subscriberId,
        String planCode,
        Money price,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        Instant occurredAt) implements SubscriptionEvent {

    public SubscriptionActivated {
        requireNonNull(subscriptionId, "subscriptionId");
        requireNonNull(subscriberId, "subscriberId");
        requireNonNull(planCode, "planCode");
        requireNonNull(price, "price");
        requireNonNull(currentPeriodStart, "currentPeriodStart");
        requireNonNull(currentPeriodEnd, "currentPeriodEnd");
        requireNonNull(occurredAt, "occurredAt");
    }
}
