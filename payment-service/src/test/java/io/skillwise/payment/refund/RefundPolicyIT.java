package io.skillwise.payment.refund;

import static io.skillwise.payment.support.StripeWebhooks.completedSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.payment.progress.ProgressService;
import io.skillwise.payment.support.OutboxEvents;
import io.skillwise.payment.support.PaymentApiTest;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Who may get money back: the progress limit, and payments made twice for the same course. */
class RefundPolicyIT extends PaymentApiTest {

    @Autowired
    ProgressService progress;

    @Autowired
    RefundService refunds;

    TestUser instructor = TestUser.instructor();
    TestUser buyer = TestUser.student();

    @Test
    void learnerPastTheProgressLimitIsRefusedButAnAdminRefunds() {
        CoursePublished course = course(3000);
        String orderId = buy(course);
        TopicRecords.on(kafka).publish(new LessonCompleted(UUID.randomUUID(), course.courseId(), buyer.id(),
                UUID.randomUUID(), 4, 10, 40, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(progress.highestPercent(buyer.id(), List.of(course.courseId()))).isEqualTo(40));

        ApiResponse refused = api.as(buyer).post("/api/v1/payments/" + orderId + "/refund", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).endsWith("refund-progress-limit");
        assertThat(refused.text("detail")).contains("40%", "30%");
        assertThat(status(orderId)).isEqualTo("PAID");
        assertThat(jdbc.sql("select count(*) from refund where order_id = :id").param("id", UUID.fromString(orderId))
                .query(Long.class).single()).as("a refused request leaves no trace").isZero();

        assertThat(api.as(TestUser.admin()).post("/api/v1/payments/" + orderId + "/refund", Map.of("reason",
                "support")).status()).isEqualTo(202);
        assertThat(status(orderId)).isEqualTo("REFUNDED");
    }

    @Test
    void learnerAtTheLimitMayStillAskAndACompletedCourseMayNot() {
        CoursePublished atLimit = course(2000);
        CoursePublished completed = course(2000);
        String first = buy(atLimit);
        String second = buy(completed);
        TopicRecords.on(kafka).publish(new LessonCompleted(UUID.randomUUID(), atLimit.courseId(), buyer.id(),
                UUID.randomUUID(), 3, 10, 30, Instant.now()));
        TopicRecords.on(kafka).publish(new CourseCompleted(UUID.randomUUID(), completed.courseId(), buyer.id(),
                instructor.id(), "CERT-1", Instant.now(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(progress.highestPercent(buyer.id(), List.of(atLimit.courseId()))).isEqualTo(30);
            assertThat(progress.highestPercent(buyer.id(), List.of(completed.courseId()))).isEqualTo(100);
        });
        assertThat(api.as(buyer).post("/api/v1/payments/" + first + "/refund", Map.of())
                .status()).isEqualTo(202);
        assertThat(api.as(buyer).post("/api/v1/payments/" + second + "/refund", Map.of())
                .status()).isEqualTo(409);
    }

    @Test
    void aSecondCheckoutOfTheSameCourseAnswersTheOpenOne() {
        CoursePublished course = course(2500);
        String first = checkout(buyer, course.courseId()).text("orderId");
        ApiResponse second = checkout(buyer, course.courseId());
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("orderId")).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from payment_order where buyer_id = :b").param("b", buyer.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPaymentForACourseAlreadyOwnedIsRefundedAutomaticallyAndKeepsTheCourse() {
        CoursePublished course = course(4000);
        String stale = checkout(buyer, course.courseId()).text("orderId");
        api.get("/api/v1/payments/local-checkout/" + stale + "/cancel");
        assertThat(status(stale)).isEqualTo("EXPIRED");
        String bought = buy(course);
        assertThat(bought).as("an expired checkout is not offered again").isNotEqualTo(stale);

        // Stripe still completes the old session (the buyer had it open in another tab)
        deliver("checkout.session.completed", completedSession(UUID.fromString(stale), newPaymentIntent(), 4000));

        assertThat(status(stale)).isEqualTo("REFUNDED");
        assertThat(status(bought)).isEqualTo("PAID");
        assertThat(eventTypes(stale)).containsExactly("CheckoutStarted", "PaymentFailed", "PaymentRefunded");
        JsonNode refunded = OutboxEvents.payload(jdbc, stale, "PaymentRefunded");
        assertThat(refunded.path("courseIds")).as("the course stays owned through the other order").isEmpty();
        assertThat(refunded.path("amount").path("amount").asLong()).isEqualTo(4000);
        JsonNode ledger = api.as(instructor).get("/api/v1/instructors/earnings").body();
        assertThat(ledger.path("items")).as("only the real sale earns").hasSize(1);
    }

    @Test
    void anAutomaticRefundThatDidNotReachTheProviderIsSentAgain() {
        CoursePublished course = course(1800);
        UUID orderId = checkedOut(buyer, course.courseId());
        // as left by a duplicate payment whose refund call failed after the webhook's commit
        jdbc.sql("update payment_order set status = 'DUPLICATE', payment_intent_id = :pi, paid_at = now() where id = :id")
                .param("pi", "pi_test_" + orderId.toString().replace("-", "")).param("id", orderId).update();
        jdbc.sql("""
                        insert into refund (id, order_id, amount, currency, reason, status, requested_at)
                        values (:id, :order, 1800, 'USD', :reason, 'REQUESTED', now() - interval '2 minutes')""")
                .param("id", UUID.randomUUID()).param("order", orderId).param("reason", RefundService.DUPLICATE_REASON)
                .update();

        assertThat(refunds.resendDuplicateRefunds(Duration.ofMinutes(1))).isEqualTo(1);
        assertThat(status(orderId)).isEqualTo("REFUNDED");
        assertThat(refunds.resendDuplicateRefunds(Duration.ofMinutes(1))).as("sent once").isZero();
    }

    private CoursePublished course(long price) {
        return courseOnSale(instructor.id(), price);
    }

    private String buy(CoursePublished course) {
        String orderId = checkedOut(buyer, course.courseId()).toString();
        api.get("/api/v1/payments/local-checkout/" + orderId + "/pay");
        assertThat(status(orderId)).isEqualTo("PAID");
        return orderId;
    }
}
