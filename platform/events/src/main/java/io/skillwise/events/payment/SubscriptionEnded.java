package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription ended: enrollments it granted end too, courses bought separately stay.
 *
 * @param subscriptionId the subscription
 * @param subscriberId   who held it
 * @param planCode       the plan
 * @param reason         why it ended
 * @param occurredAt     when access ended
 */
public record SubscriptionEnded(
        UUID subscriptionId,
        UUID subscriberId,
        String planCode,
        SubscriptionEndReason reason,
        Instant occurredAt) implements SubscriptionEvent {

    public SubscriptionEnded {
        requireNonNull(subscriptionId, "subscriptionId");
        requireNonNull(subscriberId, "subscriberId");
        requireNonNull(planCode, "planCode");
        requireNonNull(reason, "reason");
        requireNonNull(occurredAt, "occurredAt");
    }
}
