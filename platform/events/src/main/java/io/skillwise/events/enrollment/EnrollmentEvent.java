package io.skillwise.events.enrollment;

import io.skillwise.events.DomainEvent;
import java.util.UUID;

/** An event on {@code enrollment.enrollment.v1}; sealed so that a consumer can switch over every case. */
public sealed interface EnrollmentEvent extends DomainEvent
        permits StudentEnrolled, LessonCompleted, QuizGraded, CourseCompleted, EnrollmentRevoked,
                EnrollmentSuspended, EnrollmentRestored {

    /** The enrollment the fact is about. */
    UUID enrollmentId();

    /** The enrolled course. */
    UUID courseId();

    /** The enrolled learner. */
    UUID studentId();

    @Override
    default String aggregateId() {
        return enrollmentId().toString();
    }
}
