package io.skillwise.payment.order;

/** Where an order stands; only Stripe's webhook (or the local provider's) moves it past PENDING. */
public enum OrderStatus {
    PENDING,
    PAID,
    /** The card was declined; the buyer may still pay in the same checkout. */
    FAILED,
    /** The checkout session expired unpaid. */
    EXPIRED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    DISPUTED,
    DISPUTE_LOST;

    /** The buyer holds the course under this order. */
    public boolean owns() {
        return this == PAID || this == PARTIALLY_REFUNDED || this == DISPUTED;
    }

    /** Money was taken and not (entirely) given back. */
    public boolean settled() {
        return this == PAID || this == PARTIALLY_REFUNDED || this == DISPUTED;
    }
}
