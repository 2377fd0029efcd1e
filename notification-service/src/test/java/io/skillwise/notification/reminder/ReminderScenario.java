package io.skillwise.notification.reminder;

import io.skillwise.events.catalog.CategoryRef;
import io.skillwise.events.catalog.CourseChange;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.catalog.CourseUpdated;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.events.catalog.ModuleOutline;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.payment.CheckoutStarted;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.notification.support.Events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.skillwise.notification.support.Events.usd;

/** The catalog, enrollment and payment events the reminder tests start from. */
final class ReminderScenario {

    private ReminderScenario() {
    }

    /** A lesson opening at a moment, or a number of days after each learner enrolled. */
    static LessonOutline opening(UUID lessonId, String title, Instant at, Integer afterDays) {
        return new LessonOutline(lessonId, title, 0, LessonType.VIDEO, null, false, at, afterDays, null, null, null);
    }

    /** An assignment due at a moment, or a number of days after each learner enrolled. */
    static LessonOutline due(UUID lessonId, String title, Instant at, Integer afterDays) {
        return new LessonOutline(lessonId, title, 1, LessonType.TEXT, null, false, null, null, at, afterDays, null);
    }

    static CoursePublished published(UUID courseId, UUID instructorId, String title, long revision,
                                     LessonOutline... lessons) {
        return new CoursePublished(courseId, instructorId, title, null, category(), CourseLevel.BEGINNER, "en",
                CourseStatus.PUBLISHED, false, usd(4900), modules(lessons), revision, instructorId, Instant.now());
    }

    static CourseUpdated rescheduled(UUID courseId, UUID instructorId, String title, long revision,
                                     LessonOutline... lessons) {
        return new CourseUpdated(courseId, instructorId, title, null, category(), CourseLevel.BEGINNER, "en",
                CourseStatus.PUBLISHED, false, usd(4900), modules(lessons), revision, List.of(CourseChange.SCHEDULE),
                instructorId, Instant.now());
    }

    static CourseUnpublished unpublished(UUID courseId, UUID instructorId, String title, long revision) {
        return new CourseUnpublished(courseId, instructorId, title, "withdrawn", revision, instructorId, Instant.now());
    }

    static StudentEnrolled enrolled(UUID courseId, UUID studentId, UUID instructorId, Instant at) {
        return new StudentEnrolled(UUID.randomUUID(), courseId, studentId, instructorId,
                io.skillwise.events.enrollment.EnrollmentSource.FREE, null, null, at, at);
    }

    static LessonCompleted completed(StudentEnrolled enrollment, UUID lessonId, Instant at) {
        return new LessonCompleted(enrollment.enrollmentId(), enrollment.courseId(), enrollment.studentId(), lessonId,
                1, 2, 50, at);
    }

    static EnrollmentRevoked revoked(StudentEnrolled enrollment) {
        return new EnrollmentRevoked(enrollment.enrollmentId(), enrollment.courseId(), enrollment.studentId(),
                RevocationReason.ADMIN, null, null, UUID.randomUUID(), Instant.now());
    }

    static CheckoutStarted checkout(UUID orderId, UUID buyerId, UUID courseId, String courseTitle, Instant at) {
        return new CheckoutStarted(orderId, buyerId, List.of(line(courseId, courseTitle)), null, usd(4900), usd(0),
                null, null, null, at);
    }

    static CoursePurchased purchased(UUID orderId, UUID buyerId, UUID courseId, String courseTitle, Instant at) {
        return new CoursePurchased(orderId, buyerId, List.of(line(courseId, courseTitle)), null, usd(4900), usd(0),
                null, null, null, null, null, at, at);
    }

    private static OrderLine line(UUID courseId, String title) {
        return new OrderLine(courseId, UUID.randomUUID(), title, usd(4900), usd(0), usd(4900), null);
    }

    private static List<ModuleOutline> modules(LessonOutline... lessons) {
        return List.of(new ModuleOutline(UUID.randomUUID(), "Module 1", 0, List.of(lessons)));
    }

    private static CategoryRef category() {
        return Events.course(UUID.randomUUID(), UUID.randomUUID(), "any").category();
    }
}
