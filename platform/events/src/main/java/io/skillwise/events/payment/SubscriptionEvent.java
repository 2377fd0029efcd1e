package io.skillwise.events.payment;

import io.skillwise.events.DomainEvent;
import java.util.UUID;

/** An event on {@code payment.subscription.v1}; sealed so that a consumer can switch over every case. */
public sealed interface SubscriptionEvent extends DomainEvent
        permits SubscriptionActivated, SubscriptionRenewed, SubscriptionEnded {

    /** The subscription the fact is about. */
    UUID subscriptionId();

    /** The user who holds the subscription. */
    UUID subscriberId();

    @Override
    default String aggregateId() {
        return subscriptionId().toString();
    }
}
