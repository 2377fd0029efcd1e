package io.skillwise.analytics.benchmark;

import static io.skillwise.analytics.support.Events.checkout;
import static io.skillwise.analytics.support.Events.enrolled;
import static io.skillwise.analytics.support.Events.lessonCompleted;
import static io.skillwise.analytics.support.Events.line;
import static io.skillwise.analytics.support.Events.published;
import static io.skillwise.analytics.support.Events.purchased;
import static io.skillwise.analytics.support.Events.registered;
import static io.skillwise.analytics.support.Events.usd;

import io.skillwise.events.DomainEvent;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.payment.PaymentFailed;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.events.payment.ReversedLine;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.events.review.RatingDistribution;
import io.skillwise.testsupport.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A year of a marketplace, generated from a fixed seed: instructors with a few courses each and one busy instructor
 * with 50, learners registering through the year, and orders (one course or a two-course bundle) each told as the
 * services tell it: checkout, purchase, enrollments, lessons completed, sometimes the course completed, a refund with
 * its revocation, or a declined card instead; every 40th order a course's rating changes. Events come in the order
 * of their orders' stories, not sorted by time across stories, as topics of several producers interleave anyway.
 */
final class MarketplaceYear {

    static final int BUSY_INSTRUCTOR_COURSES = 50;
    private static final int OTHER_INSTRUCTORS = 100;
    private static final int OTHER_COURSES_EACH = 3;
    private static final int LESSONS = 10;
    /** About one learner for every 30 events: a learner buys a few times a year and works through their courses. */
    private static final int EVENTS_PER_LEARNER = 30;
    private static final long FEE_PERCENT = 30;

    final TestUser busyInstructor = TestUser.instructor();
    private final Instant now;
    private final Instant yearStart;
    private final Random random = new Random(20261205);
    private final List<CoursePublished> busyCourses = new ArrayList<>();
    private final List<CoursePublished> otherCourses = new ArrayList<>();
    private final int learners;
    private final UUID learnerSeed = UUID.randomUUID();

    MarketplaceYear(Instant now, long events) {
        this.now = now;
        this.yearStart = now.minus(Duration.ofDays(365));
        this.learners = (int) Math.max(10, events / EVENTS_PER_LEARNER);
    }

    /** Hands out exactly {@code total} events, oldest story first. */
    void generate(long total, Consumer<DomainEvent> sink) {
        Counted out = new Counted(total, sink);
        Instant opened = yearStart.minus(Duration.ofDays(30));
        out.accept(registered(busyInstructor.id(), "Busy Teacher", true, opened));
        for (int c = 0; c < BUSY_INSTRUCTOR_COURSES; c++) {
            CoursePublished course = published(UUID.randomUUID(), busyInstructor.id(), "Busy course " + c,
                    price(), LESSONS, opened.plus(Duration.ofHours(c)));
            busyCourses.add(course);
            out.accept(course);
        }
        for (int i = 0; i < OTHER_INSTRUCTORS; i++) {
            UUID instructor = UUID.randomUUID();
            out.accept(registered(instructor, "Teacher " + i, true, opened));
            for (int c = 0; c < OTHER_COURSES_EACH; c++) {
                CoursePublished course = published(UUID.randomUUID(), instructor, "Course " + i + "." + c, price(),
                        LESSONS, opened.plus(Duration.ofHours(c)));
                otherCourses.add(course);
                out.accept(course);
            }
        }
        int registered = 0;
        while (!out.full()) {
            // learners arrive evenly through the year; each story is told by one of those already there
            int arrived = (int) Math.min(learners, 1 + learners * out.count / total);
            for (; registered < arrived && !out.full(); registered++) {
                out.accept(registered(learner(registered), "Learner " + registered, false, arrivalOf(registered)));
            }
            int learner = random.nextInt(registered);
            story(learner, out);
        }
    }

    private void story(int learnerIndex, Counted out) {
        UUID learner = learner(learnerIndex);
        Instant from = arrivalOf(learnerIndex);
        Instant at = from.plusSeconds((long) (random.nextDouble() * Duration.between(from, now).minusHours(2).getSeconds()));
        List<CoursePublished> courses = pickCourses();
        UUID bundle = courses.size() > 1 ? UUID.randomUUID() : null;
        List<OrderLine> lines = courses.stream().map(course -> {
            long price = course.price().amount();
            long discount = bundle != null ? price / 5 : 0;
            return line(course.courseId(), course.instructorId(), course.title(), price, discount,
                    (price - discount) * FEE_PERCENT / 100);
        }).toList();
        UUID order = UUID.randomUUID();
        out.accept(checkout(order, learner, lines, bundle, at));
        if (random.nextInt(100) < 4) {
            long amount = lines.stream().mapToLong(line -> line.paid().amount()).sum();
            out.accept(new PaymentFailed(order, learner, courses.stream().map(CoursePublished::courseId).toList(),
                    usd(amount), "card_declined", "Declined", at.plusSeconds(20)));
            return;
        }
        out.accept(purchased(order, learner, lines, bundle, at.plusSeconds(30)));
        List<StudentEnrolled> enrollments = new ArrayList<>();
        for (CoursePublished course : courses) {
            StudentEnrolled enrollment = enrolled(UUID.randomUUID(), course.courseId(), learner, course.instructorId(),
                    order, null, at.plusSeconds(31));
            enrollments.add(enrollment);
            out.accept(enrollment);
        }
        if (random.nextInt(100) < 6) {
            refund(order, learner, lines, enrollments, at.plus(Duration.ofDays(2)), out);
            return;
        }
        for (StudentEnrolled enrollment : enrollments) {
            int completed = random.nextInt(LESSONS + 1);
            Instant lessonAt = at.plus(Duration.ofHours(1));
            for (int lesson = 0; lesson < completed && lessonAt.isBefore(now); lesson++) {
                out.accept(lessonCompleted(enrollment, lesson, lesson + 1, LESSONS, lessonAt));
                lessonAt = lessonAt.plus(Duration.ofHours(6 + random.nextInt(60)));
            }
            if (completed == LESSONS && lessonAt.isBefore(now)) {
                out.accept(new CourseCompleted(enrollment.enrollmentId(), enrollment.courseId(), learner,
                        enrollment.instructorId(), "CERT-" + enrollment.enrollmentId(), lessonAt, lessonAt));
            }
        }
        if (out.count % 40 == 0) {
            CoursePublished rated = courses.getFirst();
            int reviews = 1 + random.nextInt(500);
            out.accept(new CourseRatingChanged(rated.courseId(), rated.instructorId(), 3.5 + random.nextInt(16) / 10.0,
                    reviews, new RatingDistribution(0, 0, reviews / 4, reviews / 4, reviews - 2 * (reviews / 4)),
                    null, null, at.plus(Duration.ofDays(3))));
        }
    }

    private void refund(UUID order, UUID learner, List<OrderLine> lines, List<StudentEnrolled> enrollments, Instant at,
                        Counted out) {
        long amount = lines.stream().mapToLong(line -> line.paid().amount()).sum();
        List<ReversedLine> reversed = lines.stream()
                .map(line -> new ReversedLine(line.courseId(), line.instructorId(), line.paid(), line.platformFee()))
                .toList();
        out.accept(new PaymentRefunded(order, learner, UUID.randomUUID(), usd(amount),
                lines.stream().map(OrderLine::courseId).toList(), true, "changed my mind", learner, reversed, at));
        for (StudentEnrolled enrollment : enrollments) {
            out.accept(new EnrollmentRevoked(enrollment.enrollmentId(), enrollment.courseId(), learner,
                    RevocationReason.REFUNDED, order, null, null, at));
        }
    }

    /** A third of the orders are for the busy instructor; one in ten is a two-course bundle of one instructor. */
    private List<CoursePublished> pickCourses() {
        boolean busy = random.nextInt(3) == 0;
        List<CoursePublished> from = busy ? busyCourses : otherCourses;
        int first = random.nextInt(from.size());
        if (random.nextInt(10) > 0) {
            return List.of(from.get(first));
        }
        int second = busy ? (first + 1) % from.size() : first - first % OTHER_COURSES_EACH
                + (first % OTHER_COURSES_EACH + 1) % OTHER_COURSES_EACH;
        return List.of(from.get(first), from.get(second));
    }

    private long price() {
        return 999 + 500L * random.nextInt(19);
    }

    private UUID learner(int index) {
        return UUID.nameUUIDFromBytes((learnerSeed + "/learner/" + index).getBytes());
    }

    private Instant arrivalOf(int learner) {
        return yearStart.plusSeconds(Duration.ofDays(330).getSeconds() * learner / learners);
    }

    /** Passes events on until the wanted number is reached; the rest of a story is dropped. */
    private static final class Counted implements Consumer<DomainEvent> {

        private final long total;
        private final Consumer<DomainEvent> sink;
        private long count;

        Counted(long total, Consumer<DomainEvent> sink) {
            this.total = total;
            this.sink = sink;
        }

        @Override
        public void accept(DomainEvent event) {
            if (count < total) {
                sink.accept(event);
                count++;
            }
        }

        boolean full() {
            return count >= total;
        }
    }
}
