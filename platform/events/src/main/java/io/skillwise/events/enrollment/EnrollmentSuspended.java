package io.skillwise.events.enrollment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner's access is paused while the payment for the course is disputed (status SUSPENDED).
 *
 * @param enrollmentId the enrollment
 * @param courseId     the course
 * @param studentId    the learner
 * @param orderId      the disputed order
 * @param disputeId    payment's id for the dispute
 * @param occurredAt   when access was paused
 */
public record EnrollmentSuspended(
        UUID enrollmentId,
        UUID courseId,
        UUID studentId,
        UUID orderId,
        UUID disputeId,
        Instant occurredAt) implements EnrollmentEvent {

    public EnrollmentSuspended {
        requireNonNull(enrollmentId, "enrollmentId");
        requireNonNull(courseId, "courseId");
        requireNonNull(studentId, "studentId");
        requireNonNull(orderId, "orderId");
        requireNonNull(disputeId, "disputeId");
        requireNonNull(occurredAt, "occurredAt");
    }
}
