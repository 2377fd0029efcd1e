package io.skillwise.payment.revenueshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.LessonOutline;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.payment.support.Courses;
import io.skillwise.payment.support.OutboxEvents;
import io.skillwise.payment.support.PaymentApiTest;
import io.skillwise.payment.support.StripeWebhooks;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A known month of subscription revenue and consumption, closed through the admin endpoint: the split to the cent,
 * the instructors' ledgers and the events in the outbox, once however often the month is closed.
 */
class RevenueShareIT extends PaymentApiTest {

    static final Instant FEBRUARY_10 = Instant.parse("2025-02-10T00:00:00Z");
    static final Instant MARCH_10 = Instant.parse("2025-03-10T00:00:00Z");

    TestUser ana = TestUser.instructor();
    TestUser ben = TestUser.instructor();
    TestUser admin = TestUser.admin();
    List<UUID> subscriptionEnrollments = new ArrayList<>();

    @Test
    void aClosedMonthSharesItsSubscriptionRevenueByConsumptionToTheCent() {
        CoursePublished java = lessons(ana, 600, 900);
        CoursePublished sql = lessons(ana, (Integer) null);   // no duration: counts the default 300 s
        CoursePublished rust = lessons(ben, 1200);
        TestUser first = TestUser.student();
        TestUser second = TestUser.student();
        TestUser third = TestUser.student();
        // three periods start in February: the pool is 3 x 1999; a renewal starting in March belongs to March
        String firstPlan = subscribedFor(first, FEBRUARY_10, MARCH_10);
        String secondPlan = subscribedFor(second, FEBRUARY_10, MARCH_10);
        String thirdPlan = subscribedFor(third, FEBRUARY_10, MARCH_10);
        deliver("invoice.paid", StripeWebhooks.subscriptionInvoice(firstPlan, MARCH_10,
                MARCH_10.plus(Duration.ofDays(31)), 1999));

        Instant february = Instant.parse("2025-02-15T12:00:00Z");
        complete(enrol(first, java, firstPlan), java, february, 0, 1);          // 600 + 900
        complete(enrol(first, sql, firstPlan), sql, february, 0);               // 300 (default)
        complete(enrol(second, java, secondPlan), java, february, 0);           // 600
        complete(enrol(second, rust, secondPlan), rust, february, 0);           // 1200
        UUID thirdRust = enrol(third, rust, thirdPlan);
        complete(thirdRust, rust, february, 0);                                 // 1200
        complete(thirdRust, rust, february.plusSeconds(60), 0);                 // the same lesson again: once
        complete(enrol(third, java, thirdPlan), java, Instant.parse("2025-03-01T00:00:00Z"), 0);   // March
        UUID bought = UUID.randomUUID();                                        // not through the subscription
        TopicRecords.on(kafka).publish(new StudentEnrolled(bought, sql.courseId(), third.id(), ana.id(),
                EnrollmentSource.PURCHASE, UUID.randomUUID(), null, february, february));
        TopicRecords.on(kafka).publish(new LessonCompleted(bought, sql.courseId(), third.id(),
                sql.lessons().getFirst().lessonId(), 1, 1, 100, february));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(countedLessons()).isEqualTo(7);
            assertThat(jdbc.sql("select count(*) from learner_progress where student_id = :s and course_id = :c")
                    .param("s", third.id()).param("c", sql.courseId()).query(Long.class).single()).isOne();
        });

        ApiResponse closed = api.as(admin).post("/api/v1/admin/payments/revenue-shares/2025-02", "");

        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.text("month")).isEqualTo("2025-02");
        assertThat(closed.body().path("closedNow").asBoolean()).isTrue();
        JsonNode pool = closed.body().path("pools").get(0);
        assertThat(pool.path("currency").asString()).isEqualTo("USD");
        assertThat(pool.path("revenue").asLong()).isEqualTo(3 * 1999);
        assertThat(pool.path("consumedSeconds").asLong()).isEqualTo(4800);
        // 5,997 over Java 2,100 s, SQL 300 s, Rust 2,400 s: 2623.69, 374.81, 2998.5, the two cents left to SQL and Java
        JsonNode anaShare = share(closed.body(), ana);
        assertThat(anaShare.path("gross").asLong()).isEqualTo(2624 + 375);
        assertThat(anaShare.path("platformFee").asLong()).isEqualTo(787 + 113);
        assertThat(anaShare.path("net").asLong()).isEqualTo(2099);
        assertThat(course(anaShare, java).path("gross").asLong()).isEqualTo(2624);
        assertThat(course(anaShare, sql).path("gross").asLong()).isEqualTo(375);
        JsonNode benShare = share(closed.body(), ben);
        assertThat(benShare.path("gross").asLong()).isEqualTo(2998);
        assertThat(benShare.path("platformFee").asLong()).isEqualTo(899);
        assertThat(anaShare.path("gross").asLong() + benShare.path("gross").asLong()).isEqualTo(5997);

        JsonNode ledger = api.as(ana).get("/api/v1/instructors/earnings").body();
        assertThat(ledger.path("items").findValuesAsString("kind")).containsOnly("SUBSCRIPTION_SHARE").hasSize(2);
        assertThat(ledger.path("items").get(0).path("occurredAt").asString()).startsWith("2025-02-01T00:00");
        assertThat(ledger.path("totals").get(0).path("gross").asLong()).isEqualTo(2999);
        assertThat(ledger.path("totals").get(0).path("net").asLong()).isEqualTo(2099);

        String shareId = anaShare.path("shareId").asString();
        JsonNode event = OutboxEvents.payload(jdbc, shareId, "SubscriptionRevenueShared");
        assertThat(event.path("instructorId").asString()).isEqualTo(ana.id().toString());
        assertThat(event.path("gross").path("amount").asLong()).isEqualTo(2999);
        assertThat(event.path("poolRevenue").path("amount").asLong()).isEqualTo(5997);
        assertThat(event.path("poolSeconds").asLong()).isEqualTo(4800);
        assertThat(event.path("periodStart").asString()).startsWith("2025-02-01T00:00");
        assertThat(event.path("lines")).hasSize(2);

        ApiResponse again = api.as(admin).post("/api/v1/admin/payments/revenue-shares/2025-02", "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("closedNow").asBoolean()).isFalse();
        assertThat(again.body().path("shares")).isEqualTo(closed.body().path("shares"));
        assertThat(OutboxEvents.types(jdbc, shareId)).as("published once").containsExactly("SubscriptionRevenueShared");
        assertThat(api.as(ana).get("/api/v1/instructors/earnings").body().path("items")).hasSize(2);
        assertThat(api.as(admin).get("/api/v1/admin/payments/revenue-shares/2025-02").body().path("shares"))
                .isEqualTo(closed.body().path("shares"));
    }

    @Test
    void onlyAnAdminClosesOnlyAnEndedMonth() {
        String current = YearMonth.now(ZoneOffset.UTC).toString();
        ApiResponse early = api.as(admin).post("/api/v1/admin/payments/revenue-shares/" + current, "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("type")).endsWith("month-not-ended");
        assertThat(api.as(admin).get("/api/v1/admin/payments/revenue-shares/" + current).status())
                .as("not closed").isEqualTo(404);

        ApiResponse malformed = api.as(admin).post("/api/v1/admin/payments/revenue-shares/2025-13", "");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.as(ana).post("/api/v1/admin/payments/revenue-shares/2024-01", "").status()).isEqualTo(403);
        assertThat(api.as(TestUser.student()).get("/api/v1/admin/payments/revenue-shares/2024-01").status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from revenue_share_month where month = date '2024-01-01'")
                .query(Long.class).single()).as("refusals close nothing").isZero();
    }

    private CoursePublished lessons(TestUser instructor, Integer... durations) {
        CoursePublished course = Courses.withLessons(instructor.id(), 4000, durations);
        replica.applySnapshot(course);
        return course;
    }

    /** A subscription whose first paid period is the given one. */
    private String subscribedFor(TestUser subscriber, Instant start, Instant end) {
        ApiResponse created = api.as(subscriber).withHeader("Idempotency-Key", newKey())
                .post("/api/v1/subscriptions", "");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("subscriptionId");
        deliver("invoice.paid", StripeWebhooks.subscriptionInvoice(id, start, end, 1999));
        return id;
    }

    private UUID enrol(TestUser learner, CoursePublished course, String subscriptionId) {
        UUID enrollment = UUID.randomUUID();
        TopicRecords.on(kafka).publish(new StudentEnrolled(enrollment, course.courseId(), learner.id(),
                course.instructorId(), EnrollmentSource.SUBSCRIPTION, null, UUID.fromString(subscriptionId),
                FEBRUARY_10, FEBRUARY_10));
        subscriptionEnrollments.add(enrollment);
        return enrollment;
    }

    private void complete(UUID enrollment, CoursePublished course, Instant at, int... lessonIndexes) {
        List<LessonOutline> lessons = course.lessons();
        for (int index : lessonIndexes) {
            TopicRecords.on(kafka).publish(new LessonCompleted(enrollment, course.courseId(), UUID.randomUUID(),
                    lessons.get(index).lessonId(), 1, lessons.size(), 100 / lessons.size(), at));
        }
    }

    private long countedLessons() {
        return jdbc.sql("select count(*) from subscription_lesson where enrollment_id = any(:enrollments)")
                .param("enrollments", subscriptionEnrollments.toArray(UUID[]::new)).query(Long.class).single();
    }

    private static JsonNode share(JsonNode month, TestUser instructor) {
        for (JsonNode share : month.path("shares")) {
            if (share.path("instructorId").asString().equals(instructor.id().toString())) {
                return share;
            }
        }
        throw new AssertionError("no share of " + instructor.id() + " in " + month);
    }

    private static JsonNode course(JsonNode share, CoursePublished course) {
        for (JsonNode line : share.path("courses")) {
            if (line.path("courseId").asString().equals(course.courseId().toString())) {
                return line;
            }
        }
        throw new AssertionError("no line of " + course.courseId() + " in " + share);
    }
}
