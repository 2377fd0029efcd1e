package io.skillwise.review.replica;

import io.skillwise.events.enrollment.RevocationReason;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner's enrollment as review-service knows it from enrollment-service's events: just enough to tell who may
 * review a course. Kept even when the course itself has not been seen yet (events of different topics arrive in any
 * order).
 *
 * @param completed        the learner completed the course at some point (a restored enrollment returns to
 *                         COMPLETED rather than ACTIVE)
 * @param revocationReason why it was revoked; absent unless REVOKED
 * @param instructorId     the course's instructor as the enrollment named it; absent when only events without it
 *                         arrived
 */
@Document(Enrollment.COLLECTION)
public record Enrollment(
        @Id UUID id,
        UUID courseId,
        UUID studentId,
        UUID instructorId,
        EnrollmentState status,
        boolean completed,
        RevocationReason revocationReason,
        Instant updatedAt) {

    public static final String COLLECTION = "enrollments";

    /** ACTIVE and COMPLETED learners may review; SUSPENDED and REVOKED ones may not. */
    public boolean mayReview() {
        return status == EnrollmentState.ACTIVE || status == EnrollmentState.COMPLETED;
    }

    /**
     * Whether the learner lost the course in a way that takes their review with it (ADR 0013): their money came
     * back (refund, lost dispute) or an admin revoked the enrollment. An ended subscription leaves the review.
     */
    public boolean withdrawsReview() {
        return status == EnrollmentState.REVOKED && revocationReason != null
                && revocationReason != RevocationReason.SUBSCRIPTION_ENDED;
    }
}
