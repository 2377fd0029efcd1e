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
    DISPUTE_LOST,
    /**
     * Paid, but for a course the buyer already owned through another order (two open checkouts both paid): nothing
     * was sold and the payment is refunded automatically; REFUNDED once the provider confirms.
     */
    DUPLICATE;

    /** The buyer holds the courses under this order. */
    public boolean owns() {
        return this == PAID || this == PARTIALLY_REFUNDED || this == DISPUTED;
    }

    /** Money was taken and not (entirely) given back. */
    public boolean settled() {
        return this == PAID || this == PARTIALLY_REFUNDED || this == DISPUTED || this == DUPLICATE;
    }
}
