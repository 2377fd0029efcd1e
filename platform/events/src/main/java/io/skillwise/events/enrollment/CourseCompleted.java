package io.skillwise.events.enrollment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner completed every lesson of a course (status COMPLETED); a certificate is issued.
 *
 * @param enrollmentId    the enrollment
 * @param courseId        the course
 * @param studentId       the learner
 * @param instructorId    the instructor who owns the course
 * @param certificateCode the public verification code of the certificate; absent if it is issued later
 * @param completedAt     when the last lesson was completed
 * @param occurredAt      when the completion was recorded
 */
public record CourseCompleted(
        UUID enrollmentId,
        UUID courseId,
        UUID studentId,
        UUID instructorId,
        String certificateCode,
        Instant completedAt,
        Instant occurredAt) implements EnrollmentEvent {

    public CourseCompleted {
        requireNonNull(enrollmentId, "enrollmentId");
        requireNonNull(courseId, "courseId");
        requireNonNull(studentId, "studentId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(completedAt, "completedAt");
        requireNonNull(occurredAt, "occurredAt");
    }
}
