package io.skillwise.analytics.support;

import io.skillwise.events.catalog.CategoryRef;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.catalog.CourseUpdated;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.catalog.LessonType;
import io.skillwise.events.catalog.ModuleOutline;
import io.skillwise.events.common.Money;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.identity.UserRole;
import io.skillwise.events.payment.CheckoutStarted;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.OrderLine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Small builders for the events other services publish, with only what a test varies as parameters. */
public final class Events {

    public static final CategoryRef CATEGORY = new CategoryRef(UUID.fromString("ca7e0000-0000-4000-8000-00000000aaaa"),
            "programming", "Programming");

    private Events() {
    }

    public static Money usd(long amount) {
        return Money.of(amount, "USD");
    }

    /** A published paid course with {@code lessons} lessons (ids derived from the course id). */
    public static CoursePublished published(UUID courseId, UUID instructorId, String title, long price, int lessons,
                                            Instant at) {
        return new CoursePublished(courseId, instructorId, title, null, CATEGORY, CourseLevel.BEGINNER, "en",
                CourseStatus.PUBLISHED, false, usd(price), modules(courseId, lessons), 1, instructorId, at);
    }

    public static CourseUpdated updated(CoursePublished course, long revision, long price, Instant at) {
        return new CourseUpdated(course.courseId(), course.instructorId(), course.title(), null, CATEGORY,
                CourseLevel.BEGINNER, "en", CourseStatus.PUBLISHED, false, usd(price), course.modules(), revision,
                List.of(io.skillwise.events.catalog.CourseChange.DETAILS), course.instructorId(), at);
    }

    /** The lesson ids of a course built by {@link #published}. */
    public static UUID lesson(UUID courseId, int index) {
        return UUID.nameUUIDFromBytes((courseId + "/lesson/" + index).getBytes());
    }

    public static UserRegistered registered(UUID userId, String name, boolean teaches, Instant at) {
        return new UserRegistered(userId, name.toLowerCase().replace(' ', '.') + "@example.test", name,
                teaches ? List.of(UserRole.STUDENT, UserRole.INSTRUCTOR) : List.of(UserRole.STUDENT), teaches, at);
    }

    /** A line with the platform's fee fixed, as a paid order carries it. */
    public static OrderLine line(UUID courseId, UUID instructorId, String title, long price, long discount, long fee) {
        return new OrderLine(courseId, instructorId, title, usd(price), usd(discount), usd(price - discount), usd(fee));
    }

    public static CheckoutStarted checkout(UUID orderId, UUID buyerId, List<OrderLine> lines, UUID bundleId, Instant at) {
        List<OrderLine> unpaid = lines.stream().map(line -> new OrderLine(line.courseId(), line.instructorId(),
                line.courseTitle(), line.price(), line.discount(), line.paid(), null)).toList();
        return new CheckoutStarted(orderId, buyerId, unpaid, bundleId, usd(sum(lines, true)), usd(sum(lines, false)),
                null, null, null, at);
    }

    public static CoursePurchased purchased(UUID orderId, UUID buyerId, List<OrderLine> lines, UUID bundleId,
                                            Instant at) {
        return new CoursePurchased(orderId, buyerId, lines, bundleId, usd(sum(lines, true)), usd(sum(lines, false)),
                null, null, null, null, null, at, at);
    }

    public static StudentEnrolled enrolled(UUID enrollmentId, UUID courseId, UUID studentId, UUID instructorId,
                                           UUID orderId, UUID subscriptionId, Instant at) {
        EnrollmentSource source = orderId != null ? EnrollmentSource.PURCHASE
                : subscriptionId != null ? EnrollmentSource.SUBSCRIPTION : EnrollmentSource.FREE;
        return new StudentEnrolled(enrollmentId, courseId, studentId, instructorId, source, orderId, subscriptionId,
                at, at);
    }

    public static LessonCompleted lessonCompleted(StudentEnrolled enrollment, int lesson, int completed, int total,
                                                  Instant at) {
        return new LessonCompleted(enrollment.enrollmentId(), enrollment.courseId(), enrollment.studentId(),
                lesson(enrollment.courseId(), lesson), completed, total, completed * 100 / total, at);
    }

    private static List<ModuleOutline> modules(UUID courseId, int lessons) {
        List<LessonOutline> outline = IntStream.range(0, lessons).mapToObj(i -> new LessonOutline(lesson(courseId, i),
                "Lesson " + (i + 1), i, LessonType.VIDEO, 600, false, null, null, null, null, null)).toList();
        return List.of(new ModuleOutline(UUID.nameUUIDFromBytes((courseId + "/module").getBytes()), "Module 1", 0,
                outline));
    }

    private static long sum(List<OrderLine> lines, boolean paid) {
        return lines.stream().mapToLong(line -> paid ? line.paid().amount() : line.discount().amount()).sum();
    }
}
