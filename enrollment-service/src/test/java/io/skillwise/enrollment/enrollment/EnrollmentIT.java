package io.skillwise.enrollment.enrollment;

import io.skillwise.enrollment.support.EnrollmentApiTest;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.enrollment.support.Courses;
import io.skillwise.enrollment.support.Orders;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.events.enrollment.EnrollmentRestored;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.EnrollmentRevoked;
import io.skillwise.events.enrollment.EnrollmentSuspended;
import io.skillwise.events.enrollment.RevocationReason;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.common.Money;
import io.skillwise.events.payment.DisputeOutcome;
import io.skillwise.events.payment.SubscriptionActivated;
import io.skillwise.events.payment.SubscriptionEndReason;
import io.skillwise.events.payment.SubscriptionEnded;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Enrolling from payment events and for free courses, through the real topics and the HTTP API. */
class EnrollmentIT extends EnrollmentApiTest {

    @Test
    void purchaseEnrollsExactlyOnceUnderTripleDelivery() {
        TestUser buyer = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), false, Courses.lesson("Intro"));
        CoursePurchased purchase = Orders.purchase(buyer.id(), course);
        ProducerRecord<String, String> record = TopicRecords.cloudEvent(purchase);

        topics.send(List.of(record, record, record));
        // the same fact once more under a new ce_id, as a replay from payment would be
        topics.publish(purchase);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollmentsOf(buyer)).hasSize(1));
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).untilAsserted(() -> {
            assertThat(enrollmentsOf(buyer)).hasSize(1);
            assertThat(eventsOf(buyer, StudentEnrolled.class)).hasSize(1);
        });
        JsonNode enrollment = enrollmentsOf(buyer).getFirst();
        assertThat(enrollment.path("courseId").asString()).isEqualTo(course.courseId().toString());
        assertThat(enrollment.path("status").asString()).isEqualTo("ACTIVE");
        StudentEnrolled enrolled = eventsOf(buyer, StudentEnrolled.class).getFirst();
        assertThat(enrolled.orderId()).isEqualTo(purchase.orderId());
        assertThat(enrolled.instructorId()).isEqualTo(instructor.id());
        assertThat(enrolled.enrollmentId().toString()).isEqualTo(enrollment.path("id").asString());
    }

    /**
     * A warmed-up listener applies a purchase as soon as it arrives, not after a rebalance (a session timeout is
     * 45 s) or a slow poll. How fast it is gets measured by PurchaseToEnrollmentBenchmarkIT in system-tests; the
     * bound here only has to hold on a loaded 2-core build machine, where a poll, a transaction and the API call
     * that checks it can take a few seconds together.
     */
    @Test
    void purchaseIsVisibleSoonOnceTheListenerRuns() {
        // the first purchase only warms up the listener (partition assignment, first fetch)
        TestUser warmUp = TestUser.student();
        topics.publish(Orders.purchase(warmUp.id(), Courses.published(instructor.id(), false, Courses.lesson("W"))));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollmentsOf(warmUp)).hasSize(1));

        TestUser buyer = TestUser.student();
        topics.publish(Orders.purchase(buyer.id(), Courses.published(instructor.id(), false, Courses.lesson("A"))));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(enrollmentsOf(buyer)).hasSize(1));
    }

    @Test
    void bundlePurchaseEnrollsEveryCourse() {
        TestUser buyer = TestUser.student();
        CoursePurchased purchase = Orders.purchase(buyer.id(),
                Courses.published(instructor.id(), false, Courses.lesson("A")),
                Courses.published(instructor.id(), false, Courses.lesson("B")));

        topics.publish(purchase);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollmentsOf(buyer)).hasSize(2));
    }

    @Test
    void bundleEnrollsEachOfItsCoursesExactlyOnceAndItsRefundRevokesEveryOne() {
        TestUser buyer = TestUser.student();
        List<CoursePublished> courses = List.of(
                Courses.published(instructor.id(), false, Courses.lesson("A")),
                Courses.published(TestUser.instructor().id(), false, Courses.lesson("B")),
                Courses.published(instructor.id(), false, Courses.lesson("C")));
        CoursePurchased bundle = Orders.bundle(UUID.randomUUID(), buyer.id(),
                courses.toArray(CoursePublished[]::new));
        ProducerRecord<String, String> record = TopicRecords.cloudEvent(bundle);

        // redelivered, and replayed under a new ce_id: still one enrollment and one event per course
        topics.send(List.of(record, record));
        topics.publish(bundle);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollmentsOf(buyer)).hasSize(3));
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).untilAsserted(() -> {
            assertThat(enrollmentsOf(buyer)).hasSize(3);
            assertThat(eventsOf(buyer, StudentEnrolled.class)).hasSize(3);
        });
        assertThat(enrollmentsOf(buyer)).extracting(e -> e.path("courseId").asString())
                .containsExactlyInAnyOrderElementsOf(courses.stream().map(c -> c.courseId().toString()).toList());
        assertThat(eventsOf(buyer, StudentEnrolled.class)).allSatisfy(enrolled -> {
            assertThat(enrolled.orderId()).isEqualTo(bundle.orderId());
            assertThat(enrolled.source()).isEqualTo(EnrollmentSource.PURCHASE);
        });
        assertThat(eventsOf(buyer, StudentEnrolled.class)).extracting(StudentEnrolled::instructorId)
                .containsExactlyInAnyOrderElementsOf(courses.stream().map(CoursePublished::instructorId).toList());

        topics.publish(Orders.refund(bundle));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(enrollmentsOf(buyer)).extracting(e -> e.path("status").asString())
                    .containsExactly("REVOKED", "REVOKED", "REVOKED");
            assertThat(eventsOf(buyer, EnrollmentRevoked.class)).hasSize(3).allSatisfy(revoked -> {
                assertThat(revoked.reason()).isEqualTo(RevocationReason.REFUNDED);
                assertThat(revoked.orderId()).isEqualTo(bundle.orderId());
            });
        });
    }

    @Test
    void refundBeforePurchaseEndsRevoked() {
        TestUser buyer = TestUser.student();
        CoursePurchased purchase = Orders.purchase(buyer.id(),
                Courses.published(instructor.id(), false, Courses.lesson("Intro")));

        topics.publish(Orders.refund(purchase));
        topics.publish(purchase);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(enrollmentsOf(buyer)).hasSize(1);
            assertThat(enrollmentsOf(buyer).getFirst().path("status").asString()).isEqualTo("REVOKED");
            List<EnrollmentEvent> events = enrollmentEventsOf(buyer);
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOf(StudentEnrolled.class);
            assertThat(events.get(1)).isInstanceOfSatisfying(EnrollmentRevoked.class,
                    revoked -> assertThat(revoked.reason()).isEqualTo(RevocationReason.REFUNDED));
        });
    }

    @Test
    void refundAfterPurchaseRevokes() {
        TestUser buyer = TestUser.student();
        CoursePurchased purchase = Orders.purchase(buyer.id(),
                Courses.published(instructor.id(), false, Courses.lesson("Intro")));

        topics.publish(purchase);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollmentsOf(buyer)).hasSize(1));
        topics.publish(Orders.refund(purchase));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOfOnlyEnrollment(buyer)).isEqualTo("REVOKED"));
    }

    @Test
    void openDisputeSuspendsWonDisputeRestoresLostDisputeRevokes() {
        TestUser buyer = TestUser.student();
        CoursePurchased purchase = Orders.purchase(buyer.id(),
                Courses.published(instructor.id(), false, Courses.lesson("Intro")));
        topics.publish(purchase);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOfOnlyEnrollment(buyer)).isEqualTo("ACTIVE"));

        UUID first = UUID.randomUUID();
        topics.publish(Orders.disputed(purchase, first));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOfOnlyEnrollment(buyer)).isEqualTo("SUSPENDED"));
        topics.publish(Orders.disputeClosed(purchase, first, DisputeOutcome.WON));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOfOnlyEnrollment(buyer)).isEqualTo("ACTIVE"));

        UUID second = UUID.randomUUID();
        topics.publish(Orders.disputed(purchase, second));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOfOnlyEnrollment(buyer)).isEqualTo("SUSPENDED"));
        topics.publish(Orders.disputeClosed(purchase, second, DisputeOutcome.LOST));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOfOnlyEnrollment(buyer)).isEqualTo("REVOKED"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollmentEventsOf(buyer))
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("StudentEnrolled", "EnrollmentSuspended", "EnrollmentRestored",
                        "EnrollmentSuspended", "EnrollmentRevoked"));
        assertThat(eventsOf(buyer, EnrollmentSuspended.class)).extracting(EnrollmentSuspended::disputeId)
                .containsExactly(first, second);
        assertThat(eventsOf(buyer, EnrollmentRestored.class).getFirst().disputeId()).isEqualTo(first);
        assertThat(eventsOf(buyer, EnrollmentRevoked.class).getFirst().reason())
                .isEqualTo(RevocationReason.DISPUTE_LOST);
    }

    @Test
    void freeCourseEnrollsAtOnceAndOnlyOnce() {
        TestUser learner = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), true, Courses.lesson("Intro"));
        topics.publish(course);

        ApiResponse created = enrollWhenReplicated(course, learner);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("ACTIVE");
        assertThat(created.text("source")).isEqualTo("FREE");
        assertThat(created.body().path("progress").path("totalLessons").asInt()).isEqualTo(1);
        ApiResponse again = api.as(learner).post("/courses/" + course.courseId() + "/enroll", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(eventsOf(learner, StudentEnrolled.class))
                .singleElement().satisfies(event -> assertThat(event.enrollmentId().toString())
                        .isEqualTo(created.text("id"))));
    }

    @Test
    void retriedEnrollWithTheSameIdempotencyKeyAnswersTheSameEnrollment() {
        TestUser learner = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), true, Courses.lesson("Intro"));
        topics.publish(course);
        String path = "/courses/" + course.courseId() + "/enroll";
        String key = UUID.randomUUID().toString();

        ApiResponse first = eventually(PATIENCE,
                () -> api.as(learner).withHeader("Idempotency-Key", key).post(path, ""),
                response -> assertThat(response.status()).isNotEqualTo(404));
        ApiResponse retried = api.as(learner).withHeader("Idempotency-Key", key).post(path, "");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.text("id")).isEqualTo(first.text("id"));
        assertThat(api.as(learner).withHeader("Idempotency-Key", UUID.randomUUID().toString()).post(path, "").status())
                .isEqualTo(409);
    }

    @Test
    void paidCourseWithoutPurchaseAnswers402WithTheWayToPay() {
        TestUser learner = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), false, Courses.lesson("Intro"));
        topics.publish(course);

        ApiResponse refused = enrollWhenReplicated(course, learner);

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("paymentUrl")).isEqualTo("/api/v1/payments/create");
        assertThat(refused.text("courseId")).isEqualTo(course.courseId().toString());
        assertThat(enrollmentsOf(learner)).isEmpty();
    }

    @Test
    void unknownCourseIs404() {
        ApiResponse response = api.as(TestUser.student()).post("/courses/" + UUID.randomUUID() + "/enroll", "");
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void learnerCannotReadAnotherLearnersEnrollment() {
        TestUser owner = TestUser.student();
        TestUser other = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), true, Courses.lesson("Intro"));
        topics.publish(course);
        String id = enrollWhenReplicated(course, owner).text("id");

        assertThat(api.as(owner).get("/enrollments/" + id).status()).isEqualTo(200);
        assertThat(api.as(other).get("/enrollments/" + id).status()).isEqualTo(404);
        assertThat(enrollmentsOf(other)).isEmpty();
        assertThat(api.get("/enrollments/" + id).status()).isEqualTo(401);
    }

    @Test
    void subscriptionOpensPaidCoursesUntilItEndsAndBoughtCoursesStay() {
        TestUser subscriber = TestUser.student();
        CoursePublished viaSubscription = Courses.published(instructor.id(), false, Courses.lesson("A"));
        CoursePublished bought = Courses.published(instructor.id(), false, Courses.lesson("B"));
        UUID subscriptionId = UUID.randomUUID();
        topics.publish(viaSubscription);
        topics.publish(new SubscriptionActivated(subscriptionId, subscriber.id(), "all-access-monthly",
                Money.of(2900, "USD"), Instant.now(), Instant.now().plus(Duration.ofDays(30)), Instant.now()));
        topics.publish(Orders.purchase(subscriber.id(), bought));

        ApiResponse enrolled = eventually(PATIENCE,
                () -> api.as(subscriber).post("/courses/" + viaSubscription.courseId() + "/enroll", ""),
                response -> assertThat(response.status()).isEqualTo(201));
        assertThat(enrolled.text("source")).isEqualTo("SUBSCRIPTION");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrollmentsOf(subscriber)).hasSize(2));

        topics.publish(new SubscriptionEnded(subscriptionId, subscriber.id(), "all-access-monthly",
                SubscriptionEndReason.CANCELLED, Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(api.as(subscriber).get("/enrollments/" + enrolled.text("id")).text("status"))
                    .isEqualTo("REVOKED");
            assertThat(eventsOf(subscriber, EnrollmentRevoked.class)).singleElement().satisfies(revoked -> {
                assertThat(revoked.reason()).isEqualTo(RevocationReason.SUBSCRIPTION_ENDED);
                assertThat(revoked.subscriptionId()).isEqualTo(subscriptionId);
            });
        });
        assertThat(enrollmentsOf(subscriber)).filteredOn(e -> e.path("courseId").asString()
                .equals(bought.courseId().toString())).singleElement()
                .satisfies(e -> assertThat(e.path("status").asString()).isEqualTo("ACTIVE"));
        assertThat(api.as(subscriber).post("/courses/" + viaSubscription.courseId() + "/enroll", "").status())
                .as("without a subscription the course must be bought").isEqualTo(402);
    }

    private String statusOfOnlyEnrollment(TestUser learner) {
        List<JsonNode> enrollments = enrollmentsOf(learner);
        return enrollments.size() == 1 ? enrollments.getFirst().path("status").asString() : "";
    }

    private List<JsonNode> enrollmentsOf(TestUser learner) {
        ApiResponse response = api.as(learner).get("/enrollments");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.body().path("items").forEach(items::add);
        assertThat(response.body().path("totalItems").asLong()).isEqualTo(items.size());
        return items;
    }

    private <T extends EnrollmentEvent> List<T> eventsOf(TestUser learner, Class<T> type) {
        return enrollmentEventsOf(learner).stream().filter(type::isInstance).map(type::cast).toList();
    }
}
