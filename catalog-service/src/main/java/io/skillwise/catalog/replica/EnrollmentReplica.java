package io.skillwise.catalog.replica;

import io.skillwise.catalog.course.EnrolledLearners;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.QuizGraded;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.catalog.common.CatalogChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Who is enrolled in which course, from enrollment-service's events: opens non-preview lessons to enrolled learners,
 * answers the listing's {@code enrolled} filter and keeps each course's enrollment count (popularity, and the
 * "archive, don't delete" rule). A revocation is final; a suspension lasts until a later restoration.
 */
@Service
public class EnrollmentReplica implements EnrolledLearners {

    private final ReplicaRepository replica;
    private final ApplicationEventPublisher local;

    public EnrollmentReplica(ReplicaRepository replica, ApplicationEventPublisher local) {
        this.replica = replica;
        this.local = local;
    }

    @Transactional
    public void apply(EnrollmentEvent event) {
        UUID courseId = switch (event) {
            case StudentEnrolled e -> {
                replica.enrolled(e.enrollmentId(), e.courseId(), e.studentId());
                yield e.courseId();
            }
            case EnrollmentRevoked e -> {
                replica.revoked(e.enrollmentId(), e.courseId(), e.studentId());
                yield e.courseId();
            }
            case EnrollmentSuspended e -> {
                replica.suspended(e.enrollmentId(), e.courseId(), e.studentId(), true, e.occurredAt());
                yield e.courseId();
            }
            case EnrollmentRestored e -> {
                replica.suspended(e.enrollmentId(), e.courseId(), e.studentId(), false, e.occurredAt());
                yield e.courseId();
            }
            case LessonCompleted e -> null;
            case QuizGraded e -> null;
            case CourseCompleted e -> null;
        };
        if (courseId != null) {
            replica.recountEnrollments(courseId);
            local.publishEvent(new CatalogChanged(courseId));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isEnrolled(UUID courseId, UUID learnerId) {
        return replica.isEnrolled(courseId, learnerId);
    }
}
