package io.skillwise.events.enrollment;

/** Why a learner lost access to a course. */
public enum RevocationReason {
    /** The course's payment was refunded. */
    REFUNDED,
    /** The buyer won a dispute over the payment (the platform lost it). */
    DISPUTE_LOST,
    /** The subscription that granted access ended. */
    SUBSCRIPTION_ENDED,
    /** An admin removed the learner. */
    ADMIN
}
