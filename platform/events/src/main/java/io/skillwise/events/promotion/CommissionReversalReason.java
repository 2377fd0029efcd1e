package io.skillwise.events.promotion;

/** Why an affiliate commission was taken back. */
public enum CommissionReversalReason {
    /** The course's payment was refunded. */
    REFUNDED,
    /** The buyer won a dispute over the payment. */
    DISPUTE_LOST
}
