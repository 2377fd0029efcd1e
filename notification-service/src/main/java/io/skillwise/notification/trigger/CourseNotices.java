package io.skillwise.notification.trigger;

import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.replica.EnrollmentReplica;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/** Notices about courses ({@code catalog.course.v1}). */
@Service
class CourseNotices {

    private final DeliveryService delivery;
    private final EnrollmentReplica enrollments;

    CourseNotices(DeliveryService delivery, EnrollmentReplica enrollments) {
        this.delivery = delivery;
        this.enrollments = enrollments;
    }

    /**
     * Every learner with access is told that the course left the catalog (they keep it); the instructor is told when
     * an admin did it, with the reason.
     */
    void unpublished(UUID eventId, CourseUnpublished unpublished) {
        String link = "/api/v1/courses/" + unpublished.courseId();
        List<UUID> learners = enrollments.learnersOf(unpublished.courseId());
        if (!learners.isEmpty()) {
            delivery.deliver(Delivery.of(Keys.of(eventId, "learners"), new Notice(NotificationKind.COURSE_UNPUBLISHED,
                    unpublished.title() + " was withdrawn from the catalog",
                    "You keep your access and your progress; new learners can no longer enrol.", link), learners));
        }
        if (!unpublished.actorId().equals(unpublished.instructorId())) {
            delivery.deliver(Delivery.of(Keys.of(eventId, "instructor"), new Notice(NotificationKind.COURSE_UNPUBLISHED,
                    "An admin unpublished " + unpublished.title(),
                    (unpublished.reason() == null ? "No reason was given." : "Reason: " + unpublished.reason())
                            + " Enrolled learners keep their access.", link), unpublished.instructorId()));
        }
    }
}
