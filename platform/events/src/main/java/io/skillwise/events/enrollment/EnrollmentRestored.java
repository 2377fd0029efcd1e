package io.skillwise.events.enrollment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A suspended learner has access again because the dispute was decided for the platform.
 *
 * @param enrollmentId the enrollment
 * @param courseId     the course
 * @param studentId    the learner
 * @param orderId      the order that was disputed
 * @param disputeId    payment's id for the dispute
 * @param occurredAt   when access came back
 */
public record EnrollmentRestored(
        UUID enrollmentId,
        UUID courseId,
        UUID studentId,
        UUID orderId,
        UUID disputeId,
        Instant occurredAt) implements EnrollmentEvent {

    public EnrollmentRestored {
        requireNonNull(enrollmentId, "enrollmentId");
        requireNonNull(courseId, "courseId");
        requireNonNull(studentId, "studentId");
        requireNonNull(orderId, "orderId");
        requireNonNull(disputeId, "disputeId");
        requireNonNull(occurredAt, "occurredAt");
    }
}
