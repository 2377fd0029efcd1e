package io.skillwise.notification.trigger;

import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.QuizGraded;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/** Notices about enrollments and learning ({@code enrollment.enrollment.v1}). */
@Service
class LearningNotices {

    private final DeliveryService delivery;
    private final CourseTitles courses;

    LearningNotices(DeliveryService delivery, CourseTitles courses) {
        this.delivery = delivery;
        this.courses = courses;
    }

    /** The learner is told they may start (by mail too unless it was a purchase); the instructor about a new student. */
    void enrolled(UUID eventId, StudentEnrolled enrolled) {
        String title = courses.of(enrolled.courseId());
        String how = switch (enrolled.source()) {
            case PURCHASE -> "bought";
            case FREE -> "enrolled in the free course";
            case SUBSCRIPTION -> "opened it with the all-access subscription";
        };
        Notice welcome = new Notice(NotificationKind.ENROLLED, "You are enrolled in " + title,
                "You can start learning now.", "/api/v1/courses/" + enrolled.courseId());
        String learnerKey = Keys.of(eventId, "learner");
        // after a purchase the receipt is the mail; a second one saying the same would be noise
        Delivery toLearner = enrolled.source() == EnrollmentSource.PURCHASE
                ? Delivery.inAppOnly(learnerKey, welcome, List.of(enrolled.studentId()))
                : Delivery.of(learnerKey, welcome, enrolled.studentId());
        Delivery toInstructor = Delivery.of(Keys.of(eventId, "instructor"), new Notice(NotificationKind.NEW_STUDENT,
                "New student in " + title, "A learner " + how + ".",
                "/api/v1/instructors/courses/" + enrolled.courseId() + "/students"), enrolled.instructorId());
        // every enrollment tells both: one delivery's round trips instead of two
        delivery.deliverAll(List.of(toLearner, toInstructor));
    }

    void completed(UUID eventId, CourseCompleted completed) {
        delivery.deliver(Delivery.of(Keys.of(eventId), new Notice(NotificationKind.COURSE_COMPLETED,
                "You completed " + courses.of(completed.courseId()),
                "Congratulations! Your certificate is ready. Anyone can check it with the code "
                        + completed.certificateCode() + " at /api/v1/certificates/" + completed.certificateCode() + ".",
                "/api/v1/enrollments/" + completed.enrollmentId() + "/certificate"), completed.studentId()));
    }

    void graded(UUID eventId, QuizGraded graded) {
        String text = graded.passed()
                ? "You passed with " + graded.score() + "% (" + graded.passScore() + "% needed)."
                : "You scored " + graded.score() + "%; " + graded.passScore() + "% passes. You can try again.";
        delivery.deliver(Delivery.of(Keys.of(eventId), new Notice(NotificationKind.QUIZ_GRADED,
                "Quiz graded: " + graded.score() + "% in " + courses.of(graded.courseId()),
                text + " Your best score so far: " + graded.bestScore() + "%.",
                "/api/v1/progress/" + graded.courseId()), graded.studentId()));
    }

    void suspended(UUID eventId, EnrollmentSuspended suspended) {
        delivery.deliver(Delivery.of(Keys.of(eventId), new Notice(NotificationKind.ENROLLMENT_SUSPENDED,
                "Access to " + courses.of(suspended.courseId()) + " is paused",
                "The payment for this course is disputed with your bank. Your access comes back if the dispute is "
                        + "decided for the platform; your progress is kept.",
                "/api/v1/enrollments/" + suspended.enrollmentId()), suspended.studentId()));
    }

    void restored(UUID eventId, EnrollmentRestored restored) {
        delivery.deliver(Delivery.of(Keys.of(eventId), new Notice(NotificationKind.ENROLLMENT_RESTORED,
                "Access to " + courses.of(restored.courseId()) + " is back",
                "The dispute about its payment was decided; you can continue where you stopped.",
                "/api/v1/courses/" + restored.courseId()), restored.studentId()));
    }

    void revoked(UUID eventId, EnrollmentRevoked revoked) {
        String why = switch (revoked.reason()) {
            case REFUNDED -> "Its payment was refunded.";
            case DISPUTE_LOST -> "The dispute about its payment was decided for you, so the payment goes back.";
            case SUBSCRIPTION_ENDED -> "The subscription that opened it ended.";
            case ADMIN -> "An admin removed your enrollment.";
        };
        delivery.deliver(Delivery.of(Keys.of(eventId), new Notice(NotificationKind.ENROLLMENT_REVOKED,
                "You no longer have access to " + courses.of(revoked.courseId()), why,
                "/api/v1/enrollments/" + revoked.enrollmentId()), revoked.studentId()));
    }
}
