package io.skillwise.review.support;

import io.skillwise.events.catalog.CategoryRef;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.events.catalog.ModuleOutline;
import io.skillwise.events.common.Money;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.identity.UserRole;
import io.skillwise.events.notification.DiscussionPostReported;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Other services' events as they publish them. */
public final class Events {

    private static final CategoryRef CATEGORY = new CategoryRef(UUID.randomUUID(), "programming", "Programming");

    private Events() {
    }

    public static CoursePublished coursePublished(UUID instructorId) {
        UUID courseId = UUID.randomUUID();
        LessonOutline lesson = new LessonOutline(UUID.randomUUID(), "Intro", 0, LessonType.TEXT, 300, false, null,
                null, null, null, null);
        return new CoursePublished(courseId, instructorId, "Course " + courseId.toString().substring(0, 8), null,
                CATEGORY, CourseLevel.BEGINNER, "en", CourseStatus.PUBLISHED, false, Money.of(4900, "USD"),
                List.of(new ModuleOutline(UUID.randomUUID(), "Module 1", 0, List.of(lesson))), 1, instructorId,
                Instant.now());
    }

    /** An account made {@code age} ago. */
    public static UserRegistered registered(UUID userId, String displayName, Duration age) {
        return new UserRegistered(userId, "user-" + userId + "@test.skillwise.io", displayName,
                List.of(UserRole.STUDENT), false, Instant.now().minus(age));
    }

    public static UserDeactivated deactivated(UUID userId) {
        return new UserDeactivated(userId, userId, Instant.now());
    }

    public static StudentEnrolled enrolled(UUID enrollmentId, UUID courseId, UUID studentId, UUID instructorId) {
        Instant now = Instant.now();
        return new StudentEnrolled(enrollmentId, courseId, studentId, instructorId, EnrollmentSource.PURCHASE,
                UUID.randomUUID(), null, now, now);
    }

    public static CourseCompleted completed(StudentEnrolled enrolled) {
        Instant now = Instant.now();
        return new CourseCompleted(enrolled.enrollmentId(), enrolled.courseId(), enrolled.studentId(),
                enrolled.instructorId(), "CERT-" + enrolled.enrollmentId().toString().substring(0, 8), now, now);
    }

    public static EnrollmentSuspended suspended(StudentEnrolled enrolled) {
        return new EnrollmentSuspended(enrolled.enrollmentId(), enrolled.courseId(), enrolled.studentId(),
                enrolled.orderId(), UUID.randomUUID(), Instant.now());
    }

    public static EnrollmentRestored restored(StudentEnrolled enrolled) {
        return new EnrollmentRestored(enrolled.enrollmentId(), enrolled.courseId(), enrolled.studentId(),
                enrolled.orderId(), UUID.randomUUID(), Instant.now());
    }

    public static EnrollmentRevoked refunded(StudentEnrolled enrolled) {
        return new EnrollmentRevoked(enrolled.enrollmentId(), enrolled.courseId(), enrolled.studentId(),
                RevocationReason.REFUNDED, enrolled.orderId(), null, null, Instant.now());
    }

    public static EnrollmentRevoked subscriptionEnded(StudentEnrolled enrolled) {
        return new EnrollmentRevoked(enrolled.enrollmentId(), enrolled.courseId(), enrolled.studentId(),
                RevocationReason.SUBSCRIPTION_ENDED, null, UUID.randomUUID(), null, Instant.now());
    }

    /** A report of a post; a post's reports share its thread, the record key, so they stay in order. */
    public static DiscussionPostReported postReported(UUID postId, UUID courseId, UUID instructorId, UUID authorId,
                                                      UUID reporterId, String excerpt) {
        UUID threadId = UUID.nameUUIDFromBytes(postId.toString().getBytes(StandardCharsets.UTF_8));
        return new DiscussionPostReported(postId, threadId, courseId, instructorId, authorId, reporterId,
                "Spam in the course discussion", excerpt, Instant.now());
    }
}
