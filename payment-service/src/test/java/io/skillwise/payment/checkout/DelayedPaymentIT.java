package io.skillwise.payment.checkout;

import static io.skillwise.payment.support.StripeWebhooks.delayedSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.payment.support.OutboxEvents;
import io.skillwise.payment.support.PaymentApiTest;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Delayed payment methods (SEPA debit, bank transfer, vouchers): Stripe completes the checkout before the money is
 * there, then tells whether it arrived. Signed events, exactly as Stripe sends them.
 */
class DelayedPaymentIT extends PaymentApiTest {

    TestUser instructor = TestUser.instructor();
    TestUser buyer = TestUser.student();

    @Test
    void anUnpaidCompletionLeavesTheOrderPendingAndTheArrivingMoneyPaysIt() {
        CoursePublished course = course(3900);
        UUID orderId = checkedOut(buyer, course.courseId());
        String intent = newPaymentIntent();

        assertThat(resultOf("checkout.session.completed", delayedSession(orderId, intent, 3900, "unpaid")))
                .isEqualTo("APPLIED");
        assertThat(status(orderId)).as("nothing is sold before the money arrives").isEqualTo("PENDING");
        assertThat(eventTypes(orderId)).containsExactly("CheckoutStarted");
        assertThat(count("invoice", orderId)).isZero();
        assertThat(count("earning_entry", orderId)).isZero();
        ApiResponse again = checkout(buyer, course.courseId());
        assertThat(again.text("orderId")).as("a payment on its way is not started twice").isEqualTo(orderId.toString());

        assertThat(resultOf("checkout.session.async_payment_succeeded", delayedSession(orderId, intent, 3900, "paid")))
                .isEqualTo("APPLIED");

        assertThat(status(orderId)).isEqualTo("PAID");
        assertThat(eventTypes(orderId)).containsExactly("CheckoutStarted", "CoursePurchased");
        JsonNode purchased = OutboxEvents.payload(jdbc, orderId.toString(), "CoursePurchased");
        assertThat(purchased.path("lines").get(0).path("courseId").asString()).isEqualTo(course.courseId().toString());
        assertThat(count("invoice", orderId)).isEqualTo(1);
        assertThat(count("earning_entry", orderId)).isEqualTo(1);
    }

    @Test
    void aFailedDelayedPaymentSellsNothingOnceAndANewCheckoutIsOffered() {
        CoursePublished course = course(2500);
        UUID orderId = checkedOut(buyer, course.courseId());
        String intent = newPaymentIntent();
        resultOf("checkout.session.completed", delayedSession(orderId, intent, 2500, "unpaid"));
        // Stripe reports the failed debit twice: on the payment intent, and on the session, which settles the order
        Map<String, Object> failedIntent = Map.of("id", intent, "object", "payment_intent", "amount", 2500,
                "currency", "usd", "status", "requires_payment_method", "metadata", Map.of("orderId",
                        orderId.toString()), "last_payment_error", Map.of("code", "insufficient_funds",
                        "message", "The debit was returned."));
        assertThat(resultOf("payment_intent.payment_failed", failedIntent)).isEqualTo("IGNORED");
        assertThat(status(orderId)).isEqualTo("PENDING");

        assertThat(resultOf("checkout.session.async_payment_failed", delayedSession(orderId, intent, 2500, "unpaid")))
                .isEqualTo("APPLIED");

        assertThat(status(orderId)).isEqualTo("DELAYED_PAYMENT_FAILED");
        assertThat(eventTypes(orderId)).containsExactly("CheckoutStarted", "PaymentFailed");
        assertThat(OutboxEvents.payload(jdbc, orderId.toString(), "PaymentFailed").path("failureCode").asString())
                .isEqualTo("async_payment_failed");
        assertThat(count("invoice", orderId)).isZero();
        ApiResponse retry = checkout(buyer, course.courseId());
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("orderId")).as("the spent checkout is not offered again")
                .isNotEqualTo(orderId.toString());
        assertThat(api.as(buyer).get("/api/v1/payments/history").assertStatus(200).items("status"))
                .contains("DELAYED_PAYMENT_FAILED");
    }

    @Test
    void theMoneyArrivingBeforeTheCompletionPaysOnceAndTheLateCompletionChangesNothing() {
        CoursePublished course = course(1200);
        UUID orderId = checkedOut(buyer, course.courseId());
        String intent = newPaymentIntent();

        assertThat(resultOf("checkout.session.async_payment_succeeded", delayedSession(orderId, intent, 1200, "paid")))
                .isEqualTo("APPLIED");
        assertThat(resultOf("checkout.session.completed", delayedSession(orderId, intent, 1200, "unpaid")))
                .isEqualTo("IGNORED");

        assertThat(status(orderId)).isEqualTo("PAID");
        assertThat(eventTypes(orderId)).containsExactly("CheckoutStarted", "CoursePurchased");
    }

    /** Delivers the event; answers what the webhook made of it. */
    private String resultOf(String type, Map<String, Object> object) {
        return deliver(type, object).text("result");
    }

    private CoursePublished course(long price) {
        return courseOnSale(instructor.id(), price);
    }

    private long count(String table, UUID orderId) {
        return jdbc.sql("select count(*) from " + table + " where order_id = :id").param("id", orderId)
                .query(Long.class).single();
    }
}
