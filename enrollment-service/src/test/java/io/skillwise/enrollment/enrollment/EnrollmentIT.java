package io.skillwise.enrollment.enrollment;

import io.skillwise.testsupport.ApiResponse;
import io.skillwise.enrollment.support.Api;
import io.skillwise.enrollment.support.Courses;
import io.skillwise.enrollment.support.Orders;
import io.skillwise.enrollment.support.Topics;
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
import io.skillwise.testsupport.WithInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Enrolling from payment events and for free courses, through the real topics and the HTTP API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class EnrollmentIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    private Api api;
    private Topics topics;
    private final TestUser instructor = TestUser.instructor();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        topics = new Topics(kafka);
    }

    @Test
    void purchaseEnrollsExactlyOnceUnderTripleDelivery() {
        TestUser buyer = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), false, Courses.lesson("Intro"));
        CoursePurchased purchase = Orders.purchase(buyer.id(), course);
        ProducerRecord<String, String> record = Topics.record(purchase, "payment-service");

        topics.send(List.of(record, record, record));
        // the same fact once more under a new ce_id, as a replay from payment would be
        topics.send(purchase);

        await().atMost(PATIENCE).until(() -> enrollmentsOf(buyer).size() == 1);
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

    @Test
    void purchaseIsVisibleWithinOneSecond() {
        // the first purchase only warms up the listener (partition assignment, first fetch)
        TestUser warmUp = TestUser.student();
        topics.send(Orders.purchase(warmUp.id(), Courses.published(instructor.id(), false, Courses.lesson("W"))));
        await().atMost(PATIENCE).until(() -> enrollmentsOf(warmUp).size() == 1);

        TestUser buyer = TestUser.student();
        topics.send(Orders.purchase(buyer.id(), Courses.published(instructor.id(), false, Courses.lesson("A"))));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> enrollmentsOf(buyer).size() == 1);
    }

    @Test
    void bundlePurchaseEnrollsEveryCourse() {
        TestUser buyer = TestUser.student();
        CoursePurchased purchase = Orders.purchase(buyer.id(),
                Courses.published(instructor.id(), false, Courses.lesson("A")),
                Courses.published(instructor.id(), false, Courses.lesson("B")));

        topics.send(purchase);

        await().atMost(PATIENCE).until(() -> enrollmentsOf(buyer).size() == 2);
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
        ProducerRecord<String, String> record = Topics.record(bundle, "payment-service");

        // redelivered, and replayed under a new ce_id: still one enrollment and one event per course
        topics.send(List.of(record, record));
        topics.send(bundle);

        await().atMost(PATIENCE).until(() -> enrollmentsOf(buyer).size() == 3);
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

        topics.send(Orders.refund(bundle));

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

        topics.send(Orders.refund(purchase));
        topics.send(purchase);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(enrollmentsOf(buyer)).hasSize(1);
            assertThat(enrollmentsOf(buyer).getFirst().path("status").asString()).isEqualTo("REVOKED");
            List<EnrollmentEvent> events = topics.enrollmentEventsOf(buyer.id());
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

        topics.send(purchase);
        await().atMost(PATIENCE).until(() -> enrollmentsOf(buyer).size() == 1);
        topics.send(Orders.refund(purchase));

        await().atMost(PATIENCE).until(() -> statusOfOnlyEnrollment(buyer).equals("REVOKED"));
    }

    @Test
    void openDisputeSuspendsWonDisputeRestoresLostDisputeRevokes() {
        TestUser buyer = TestUser.student();
        CoursePurchased purchase = Orders.purchase(buyer.id(),
                Courses.published(instructor.id(), false, Courses.lesson("Intro")));
        topics.send(purchase);
        await().atMost(PATIENCE).until(() -> statusOfOnlyEnrollment(buyer).equals("ACTIVE"));

        UUID first = UUID.randomUUID();
        topics.send(Orders.disputed(purchase, first));
        await().atMost(PATIENCE).until(() -> statusOfOnlyEnrollment(buyer).equals("SUSPENDED"));
        topics.send(Orders.disputeClosed(purchase, first, DisputeOutcome.WON));
        await().atMost(PATIENCE).until(() -> statusOfOnlyEnrollment(buyer).equals("ACTIVE"));

        UUID second = UUID.randomUUID();
        topics.send(Orders.disputed(purchase, second));
        await().atMost(PATIENCE).until(() -> statusOfOnlyEnrollment(buyer).equals("SUSPENDED"));
        topics.send(Orders.disputeClosed(purchase, second, DisputeOutcome.LOST));
        await().atMost(PATIENCE).until(() -> statusOfOnlyEnrollment(buyer).equals("REVOKED"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(topics.enrollmentEventsOf(buyer.id()))
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
        topics.send(course);

        ApiResponse created = enrollWhenReplicated(course, learner);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("ACTIVE");
        assertThat(created.text("source")).isEqualTo("FREE");
        assertThat(created.body().path("progress").path("totalLessons").asInt()).isEqualTo(1);
        ApiResponse again = api.post("/courses/" + course.courseId() + "/enroll", "", learner);
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
        topics.send(course);
        String path = "/courses/" + course.courseId() + "/enroll";
        String key = UUID.randomUUID().toString();

        ApiResponse first = await().atMost(PATIENCE).until(
                () -> api.post(path, "", learner, "Idempotency-Key", key), response -> response.status() != 404);
        ApiResponse retried = api.post(path, "", learner, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.text("id")).isEqualTo(first.text("id"));
        assertThat(api.post(path, "", learner, "Idempotency-Key", UUID.randomUUID().toString()).status())
                .isEqualTo(409);
    }

    @Test
    void paidCourseWithoutPurchaseAnswers402WithTheWayToPay() {
        TestUser learner = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), false, Courses.lesson("Intro"));
        topics.send(course);

        ApiResponse refused = enrollWhenReplicated(course, learner);

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("paymentUrl")).isEqualTo("/api/v1/payments/create");
        assertThat(refused.text("courseId")).isEqualTo(course.courseId().toString());
        assertThat(enrollmentsOf(learner)).isEmpty();
    }

    @Test
    void unknownCourseIs404() {
        ApiResponse response = api.post("/courses/" + UUID.randomUUID() + "/enroll", "", TestUser.student());
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void learnerCannotReadAnotherLearnersEnrollment() {
        TestUser owner = TestUser.student();
        TestUser other = TestUser.student();
        CoursePublished course = Courses.published(instructor.id(), true, Courses.lesson("Intro"));
        topics.send(course);
        String id = enrollWhenReplicated(course, owner).text("id");

        assertThat(api.get("/enrollments/" + id, owner).status()).isEqualTo(200);
        assertThat(api.get("/enrollments/" + id, other).status()).isEqualTo(404);
        assertThat(enrollmentsOf(other)).isEmpty();
        assertThat(api.get("/enrollments/" + id, null).status()).isEqualTo(401);
    }

    @Test
    void subscriptionOpensPaidCoursesUntilItEndsAndBoughtCoursesStay() {
        TestUser subscriber = TestUser.student();
        CoursePublished viaSubscription = Courses.published(instructor.id(), false, Courses.lesson("A"));
        CoursePublished bought = Courses.published(instructor.id(), false, Courses.lesson("B"));
        UUID subscriptionId = UUID.randomUUID();
        topics.send(viaSubscription);
        topics.send(new SubscriptionActivated(subscriptionId, subscriber.id(), "all-access-monthly",
                Money.of(2900, "USD"), Instant.now(), Instant.now().plus(Duration.ofDays(30)), Instant.now()));
        topics.send(Orders.purchase(subscriber.id(), bought));

        ApiResponse enrolled = await().atMost(PATIENCE).until(
                () -> api.post("/courses/" + viaSubscription.courseId() + "/enroll", "", subscriber),
                response -> response.status() == 201);
        assertThat(enrolled.text("source")).isEqualTo("SUBSCRIPTION");
        await().atMost(PATIENCE).until(() -> enrollmentsOf(subscriber).size() == 2);

        topics.send(new SubscriptionEnded(subscriptionId, subscriber.id(), "all-access-monthly",
                SubscriptionEndReason.CANCELLED, Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(api.get("/enrollments/" + enrolled.text("id"), subscriber).text("status")).isEqualTo("REVOKED");
            assertThat(eventsOf(subscriber, EnrollmentRevoked.class)).singleElement().satisfies(revoked -> {
                assertThat(revoked.reason()).isEqualTo(RevocationReason.SUBSCRIPTION_ENDED);
                assertThat(revoked.subscriptionId()).isEqualTo(subscriptionId);
            });
        });
        assertThat(enrollmentsOf(subscriber)).filteredOn(e -> e.path("courseId").asString()
                .equals(bought.courseId().toString())).singleElement()
                .satisfies(e -> assertThat(e.path("status").asString()).isEqualTo("ACTIVE"));
        assertThat(api.post("/courses/" + viaSubscription.courseId() + "/enroll", "", subscriber).status())
                .as("without a subscription the course must be bought").isEqualTo(402);
    }

    private ApiResponse enrollWhenReplicated(CoursePublished course, TestUser learner) {
        return await().atMost(PATIENCE).until(
                () -> api.post("/courses/" + course.courseId() + "/enroll", "", learner),
                response -> response.status() != 404);
    }

    private String statusOfOnlyEnrollment(TestUser learner) {
        List<JsonNode> enrollments = enrollmentsOf(learner);
        return enrollments.size() == 1 ? enrollments.getFirst().path("status").asString() : "";
    }

    private List<JsonNode> enrollmentsOf(TestUser learner) {
        ApiResponse response = api.get("/enrollments", learner);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.body().path("items").forEach(items::add);
        assertThat(response.body().path("totalItems").asLong()).isEqualTo(items.size());
        return items;
    }

    private <T extends EnrollmentEvent> List<T> eventsOf(TestUser learner, Class<T> type) {
        return topics.enrollmentEventsOf(learner.id()).stream().filter(type::isInstance).map(type::cast).toList();
    }
}
