package io.skillwise.payment.subscription;

public enum SubscriptionStatus {
    /** Checkout started, nothing paid yet. */
    PENDING,
    ACTIVE,
    /** A renewal payment failed; Stripe retries (dunning) and access continues meanwhile. */
    PAST_DUE,
    ENDED;

    public boolean live() {
        return this == ACTIVE || this == PAST_DUE;
    }
}
