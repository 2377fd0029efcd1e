package io.skillwise.events.payment;

import io.skillwise.events.DomainEvent;
import java.util.UUID;

/** An event on {@code payment.order.v1}; sealed so that a consumer can switch over every case. */
public sealed interface OrderEvent extends DomainEvent
        permits CheckoutStarted, CoursePurchased, PaymentFailed, PaymentRefunded, PaymentDisputed, DisputeClosed {

    /** The order the fact is about. */
    UUID orderId();

    /** The user who placed the order. */
    UUID buyerId();

    @Override
    default String aggregateId() {
        return orderId().toString();
    }
}
