package io.skillwise.events.payment;

/** Why a subscription ended. */
public enum SubscriptionEndReason {
    /** The subscriber (or an admin) cancelled; it ran to the end of the paid period. */
    CANCELLED,
    /** Renewal payments kept failing until dunning gave up. */
    PAYMENT_FAILED,
    /** A payment of the subscription was disputed. */
    DISPUTED
}
