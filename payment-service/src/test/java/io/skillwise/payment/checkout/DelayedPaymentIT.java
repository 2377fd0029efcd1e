package io.skillwise.payment.checkout;

import static io.skillwise.payment.support.StripeWebhooks.delayedSession;
import static io.skillwise.payment.support.StripeWebhooks.event;
import static io.skillwise.payment.support.StripeWebhooks.newEventId;
import static io.skillwise.payment.support.StripeWebhooks.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.payment.catalog.PriceReplicaService;
import io.skillwise.payment.support.Courses;
import io.skillwise.payment.support.OutboxEvents;
import io.skillwise.payment.support.StripeWebhooks;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Delayed payment methods (SEPA debit, bank transfer, vouchers): Stripe completes the checkout before the money is
 * there, then tells whether it arrived. Signed events, exactly as Stripe sends them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class DelayedPaymentIT {

    @LocalServerPort
    int port;

    @Autowired
    PriceReplicaService replica;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestUser instructor = TestUser.instructor();
    TestUser buyer = TestUser.student();

    @BeforeEach
    void connect() {
        api = ApiClient.root(port);
    }

    @Test
    void anUnpaidCompletionLeavesTheOrderPendingAndTheArrivingMoneyPaysIt() {
        CoursePublished course = course(3900);
        UUID orderId = checkout(course);
        String intent = pi();

        assertThat(deliver("checkout.session.completed", delayedSession(orderId, intent, 3900, "unpaid")))
                .isEqualTo("APPLIED");
        assertThat(status(orderId)).as("nothing is sold before the money arrives").isEqualTo("PENDING");
        assertThat(OutboxEvents.types(jdbc, orderId.toString())).containsExactly("CheckoutStarted");
        assertThat(count("invoice", orderId)).isZero();
        assertThat(count("earning_entry", orderId)).isZero();
        ApiResponse again = create(course);
        assertThat(again.text("orderId")).as("a payment on its way is not started twice").isEqualTo(orderId.toString());

        assertThat(deliver("checkout.session.async_payment_succeeded", delayedSession(orderId, intent, 3900, "paid")))
                .isEqualTo("APPLIED");

        assertThat(status(orderId)).isEqualTo("PAID");
        assertThat(OutboxEvents.types(jdbc, orderId.toString())).containsExactly("CheckoutStarted", "CoursePurchased");
        JsonNode purchased = OutboxEvents.payload(jdbc, orderId.toString(), "CoursePurchased");
        assertThat(purchased.path("lines").get(0).path("courseId").asString()).isEqualTo(course.courseId().toString());
        assertThat(count("invoice", orderId)).isEqualTo(1);
        assertThat(count("earning_entry", orderId)).isEqualTo(1);
    }

    @Test
    void aFailedDelayedPaymentSellsNothingOnceAndANewCheckoutIsOffered() {
        CoursePublished course = course(2500);
        UUID orderId = checkout(course);
        String intent = pi();
        deliver("checkout.session.completed", delayedSession(orderId, intent, 2500, "unpaid"));
        // Stripe reports the failed debit twice: on the payment intent, and on the session, which settles the order
        Map<String, Object> failedIntent = Map.of("id", intent, "object", "payment_intent", "amount", 2500,
                "currency", "usd", "status", "requires_payment_method", "metadata", Map.of("orderId",
                        orderId.toString()), "last_payment_error", Map.of("code", "insufficient_funds",
                        "message", "The debit was returned."));
        assertThat(deliver("payment_intent.payment_failed", failedIntent)).isEqualTo("IGNORED");
        assertThat(status(orderId)).isEqualTo("PENDING");

        assertThat(deliver("checkout.session.async_payment_failed", delayedSession(orderId, intent, 2500, "unpaid")))
                .isEqualTo("APPLIED");

        assertThat(status(orderId)).isEqualTo("DELAYED_PAYMENT_FAILED");
        assertThat(OutboxEvents.types(jdbc, orderId.toString())).containsExactly("CheckoutStarted", "PaymentFailed");
        assertThat(OutboxEvents.payload(jdbc, orderId.toString(), "PaymentFailed").path("failureCode").asString())
                .isEqualTo("async_payment_failed");
        assertThat(count("invoice", orderId)).isZero();
        ApiResponse retry = create(course);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("orderId")).as("the spent checkout is not offered again").isNotEqualTo(orderId.toString());
        assertThat(api.as(buyer).get("/api/v1/payments/history").assertStatus(200).items("status"))
                .contains("DELAYED_PAYMENT_FAILED");
    }

    @Test
    void theMoneyArrivingBeforeTheCompletionPaysOnceAndTheLateCompletionChangesNothing() {
        CoursePublished course = course(1200);
        UUID orderId = checkout(course);
        String intent = pi();

        assertThat(deliver("checkout.session.async_payment_succeeded", delayedSession(orderId, intent, 1200, "paid")))
                .isEqualTo("APPLIED");
        assertThat(deliver("checkout.session.completed", delayedSession(orderId, intent, 1200, "unpaid")))
                .isEqualTo("IGNORED");

        assertThat(status(orderId)).isEqualTo("PAID");
        assertThat(OutboxEvents.types(jdbc, orderId.toString())).containsExactly("CheckoutStarted", "CoursePurchased");
    }

    private String deliver(String type, Map<String, Object> object) {
        String payload = event(newEventId(), type, object);
        ApiResponse response = api.withHeader("Stripe-Signature", sign(payload)).post(StripeWebhooks.PATH, payload);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.text("result");
    }

    private CoursePublished course(long price) {
        CoursePublished course = Courses.published(instructor.id(), price);
        replica.applySnapshot(course);
        return course;
    }

    private UUID checkout(CoursePublished course) {
        return UUID.fromString(create(course).assertStatus(201).text("orderId"));
    }

    private ApiResponse create(CoursePublished course) {
        return api.as(buyer).withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/payments/create", Map.of("courseId", course.courseId()));
    }

    private String status(UUID orderId) {
        return jdbc.sql("select status from payment_order where id = :id").param("id", orderId).query(String.class)
                .single();
    }

    private long count(String table, UUID orderId) {
        return jdbc.sql("select count(*) from " + table + " where order_id = :id").param("id", orderId)
                .query(Long.class).single();
    }

    private static String pi() {
        return "pi_test_" + UUID.randomUUID().toString().replace("-", "");
    }
}
