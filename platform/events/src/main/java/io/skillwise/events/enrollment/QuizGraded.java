package io.skillwise.events.enrollment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner's quiz attempt was graded against the catalog's answer key. The answers themselves are not published.
 *
 * @param enrollmentId  the enrollment
 * @param courseId      the course
 * @param studentId     the learner
 * @param lessonId      the quiz lesson
 * @param attemptId     the graded attempt
 * @param attemptNumber 1 for the learner's first attempt at this quiz
 * @param score         percent of questions answered correctly
 * @param passScore     the percentage needed to pass, as it was when graded
 * @param passed        {@code score >= passScore}
 * @param bestScore     the learner's best score on this quiz so far, this attempt included
 * @param occurredAt    when the attempt was graded
 */
public record QuizGraded(
        UUID enrollmentId,
        UUID courseId,
        UUID studentId,
        UUID lessonId,
        UUID attemptId,
        int attemptNumber,
        int score,
        int passScore,
        boolean passed,
        int bestScore,
        Instant occurredAt) implements EnrollmentEvent {

    public QuizGraded {
        requireNonNull(enrollmentId, "enrollmentId");
        requireNonNull(courseId, "courseId");
        requireNonNull(studentId, "studentId");
        requireNonNull(lessonId, "lessonId");
        requireNonNull(attemptId, "attemptId");
        requireNonNull(occurredAt, "occurredAt");
        if (attemptNumber < 1 || score < 0 || score > 100 || bestScore < score || bestScore > 100
                || passed != (score >= passScore)) {
            throw new IllegalArgumentException("inconsistent grade for attempt " + attemptId);
        }
    }
}
