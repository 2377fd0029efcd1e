package io.skillwise.events.enrollment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner completed a lesson for the first time (by marking it done or by passing its quiz). Carries the progress
 * that results, so consumers need not replicate curricula to know it.
 *
 * @param enrollmentId     the enrollment
 * @param courseId         the course
 * @param studentId        the learner
 * @param lessonId         the completed lesson
 * @param completedLessons lessons of the current curriculum now complete
 * @param totalLessons     lessons in the current curriculum
 * @param progressPercent  {@code completedLessons} as a whole percentage of {@code totalLessons}, rounded down
 * @param occurredAt       when the lesson was completed
 */
public record LessonCompleted(
        UUID enrollmentId,
        UUID courseId,
        UUID studentId,
        UUID lessonId,
        int completedLessons,
        int totalLessons,
        int progressPercent,
        Instant occurredAt) implements EnrollmentEvent {

    public LessonCompleted {
        requireNonNull(enrollmentId, "enrollmentId");
        requireNonNull(courseId, "courseId");
        requireNonNull(studentId, "studentId");
        requireNonNull(lessonId, "lessonId");
        requireNonNull(occurredAt, "occurredAt");
        if (completedLessons < 0 || completedLessons > totalLessons || progressPercent < 0 || progressPercent > 100) {
            throw new IllegalArgumentException("impossible progress " + completedLessons + "/" + totalLessons
                    + " (" + progressPercent + "%) in enrollment " + enrollmentId);
        }
    }
}
