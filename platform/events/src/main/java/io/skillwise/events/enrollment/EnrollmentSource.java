package io.skillwise.events.enrollment;

/** What entitles a learner to an enrollment. */
public enum EnrollmentSource {
    /** A paid order ({@code orderId} is set). */
    PURCHASE,
    /** The course is free. */
    FREE,
    /** An active all-access subscription ({@code subscriptionId} is set). */
    SUBSCRIPTION
}
