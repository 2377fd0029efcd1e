package io.skillwise.events.enrollment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner was enrolled in a course and may now take it (status ACTIVE).
 *
 * @param enrollmentId   the new enrollment
 * @param courseId       the course
 * @param studentId      the learner
 * @param instructorId   the instructor who owns the course
 * @param source         what entitles the learner
 * @param orderId        the paid order; present exactly for {@code PURCHASE}
 * @param subscriptionId the subscription; present exactly for {@code SUBSCRIPTION}
 * @param enrolledAt     when access began; drip schedules count from here
 * @param occurredAt     when the enrollment was recorded
 */
public record StudentEnrolled(
        UUID enrollmentId,
        UUID courseId,
        UUID studentId,
        UUID instructorId,
        EnrollmentSource source,
        UUID orderId,
        UUID subscriptionId,
        Instant enrolledAt,
        Instant occurredAt) implements EnrollmentEvent {

    public StudentEnrolled {
        requireNonNull(enrollmentId, "enrollmentId");
        requireNonNull(courseId, "courseId");
        requireNonNull(studentId, "studentId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(source, "source");
        requireNonNull(enrolledAt, "enrolledAt");
        requireNonNull(occurredAt, "occurredAt");
        if ((source == EnrollmentSource.PURCHASE) != (orderId != null)
                || (source == EnrollmentSource.SUBSCRIPTION) != (subscriptionId != null)) {
            throw new IllegalArgumentException(
                    "enrollment " + enrollmentId + " from " + source + " must name exactly its order or subscription");
        }
    }
}
