package io.skillwise.review.replica;

import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is enrolled in which course, from {@code enrollment.enrollment.v1}: ACTIVE or COMPLETED learners may review,
 * SUSPENDED and REVOKED ones may not. One enrollment's events share a key, so they arrive in order; an enrollment of
 * a course the catalog replica has not seen yet is kept all the same.
 */
@Service
public class EnrollmentReplica {

    private final EnrollmentRepository enrollments;
    private final ApplicationEventPublisher local;
    private final Clock clock;

    EnrollmentReplica(EnrollmentRepository enrollments, ApplicationEventPublisher local, Clock clock) {
        this.enrollments = enrollments;
        this.local = local;
        this.clock = clock;
    }

    /**
     * Applies one event once. Whatever the inbox says, a revoked enrollment that takes its review away is announced
     * again ({@link LearnerLostCourse}): if a crash came between the replica write and the review's withdrawal, the
     * redelivered event finishes the job, and withdrawing twice changes nothing.
     */
    public void apply(IncomingEvent incoming, EnrollmentEvent event) {
        Optional<Enrollment> known = enrollments.find(event.enrollmentId());
        boolean completed = known.map(Enrollment::completed).orElse(false);
        UUID instructorId = switch (event) {
            case StudentEnrolled enrolled -> enrolled.instructorId();
            case CourseCompleted done -> done.instructorId();
            default -> null;
        };
        switch (event) {
            case StudentEnrolled e -> enrollments.apply(incoming, e, instructorId, EnrollmentState.ACTIVE, false, null,
                    clock.instant());
            case CourseCompleted e -> enrollments.apply(incoming, e, instructorId, EnrollmentState.COMPLETED, true,
                    null, clock.instant());
            case EnrollmentSuspended e -> enrollments.apply(incoming, e, null, EnrollmentState.SUSPENDED, completed,
                    null, clock.instant());
            case EnrollmentRestored e -> enrollments.apply(incoming, e, null,
                    completed ? EnrollmentState.COMPLETED : EnrollmentState.ACTIVE, completed, null, clock.instant());
            case EnrollmentRevoked e -> enrollments.apply(incoming, e, null, EnrollmentState.REVOKED, completed,
                    e.reason(), clock.instant());
            default -> {
                return; // progress and quizzes do not change who may review
            }
        }
        enrollments.find(event.enrollmentId()).filter(Enrollment::withdrawsReview).ifPresent(revoked ->
                local.publishEvent(new LearnerLostCourse(revoked.studentId(), revoked.courseId(), revoked.id())));
    }

    /**
     * The learner's enrollment in the course, the most permissive one if enrollment-service ever sent two ids for
     * one pair; empty when none arrived (yet).
     */
    public Optional<Enrollment> of(UUID studentId, UUID courseId) {
        return enrollments.of(studentId, courseId).stream()
                .max(Comparator.comparing(Enrollment::mayReview).thenComparing(Enrollment::updatedAt));
    }
}
