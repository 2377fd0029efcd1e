package io.skillwise.payment.order;

/**
 * Where an order stands; only Stripe's webhook (or the local provider's) moves it past PENDING. An order paid with a
 * delayed method stays PENDING, with its payment intent known, until the money arrives or the payment fails.
 */
public enum OrderStatus {
    PENDING,
    PAID,
    /** The card was declined; the buyer may still pay in the same checkout. */
    FAILED,
    /** The checkout session expired unpaid. */
    EXPIRED,
    /**
     * A delayed payment method (bank debit or transfer, voucher) failed after the checkout completed. That checkout
     * is spent: a new one is needed, so the order is not offered again.
     */
    DELAYED_PAYMENT_FAILED,
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
