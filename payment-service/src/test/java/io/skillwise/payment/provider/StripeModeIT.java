package io.skillwise.payment.provider;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.payment.support.PaymentApiTest;
import io.skillwise.payment.support.StripeWebhooks;
import io.skillwise.testsupport.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With provider stripe (and its key) the service talks to Stripe's API (here WireMock) and the local page is gone. */
class StripeModeIT extends PaymentApiTest {

    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        STRIPE.start();
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("skillwise.payment.provider", () -> "stripe");
        registry.add("skillwise.payment.stripe.api-key", () -> "sk_test_skillwise");
        registry.add("skillwise.payment.stripe.api-base", STRIPE::baseUrl);
    }

    @AfterAll
    static void stop() {
        STRIPE.stop();
    }

    @Test
    void checkoutAndRefundGoThroughStripeAndTheOrderFollowsTheWebhooks() {
        TestUser buyer = TestUser.student();
        CoursePublished course = courseOnSale(UUID.randomUUID(), 4999);
        STRIPE.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": "cs_test_mode", "object": "checkout.session", "mode": "payment", "status": "open",
                         "url": "https://checkout.stripe.com/c/pay/cs_test_mode"}""")));
        STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": "re_test_mode", "object": "refund", "amount": 4999, "currency": "usd",
                         "status": "pending"}""")));

        ApiResponse created = checkout(buyer, course.courseId());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("checkoutUrl")).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_mode");
        String orderId = created.text("orderId");
        STRIPE.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("checkout-" + orderId))
                .withFormParam("metadata[orderId]", equalTo(orderId)));
        assertThat(api.get("/api/v1/payments/local-checkout/" + orderId).status()).isEqualTo(404);

        String intent = "pi_test_mode_" + UUID.randomUUID().toString().replace("-", "");
        deliver("checkout.session.completed", StripeWebhooks.completedSession(UUID.fromString(orderId), intent,
                4999));

        ApiResponse refund = api.as(buyer).post("/api/v1/payments/" + orderId + "/refund", Map.of("reason",
                "duplicate"));
        assertThat(refund.status()).isEqualTo(202);
        String refundId = refund.text("refundId");
        STRIPE.verify(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-" + refundId))
                .withFormParam("payment_intent", equalTo(intent))
                .withFormParam("amount", equalTo("4999")));
        assertThat(status(orderId)).as("nothing changes before Stripe confirms").isEqualTo("PAID");

        Map<String, Object> charge = new java.util.LinkedHashMap<>(StripeWebhooks.refundedCharge(intent, 4999, 4999));
        charge.put("refunds", Map.of("object", "list", "has_more", false, "data", List.of(Map.of("id", "re_test_mode",
                "object", "refund", "amount", 4999, "payment_intent", intent, "metadata",
                Map.of("orderId", orderId, "refundId", refundId)))));
        deliver("charge.refunded", charge);

        assertThat(status(orderId)).isEqualTo("REFUNDED");
        String event = jdbc.sql("select payload::text from outbox_event where event_key = :key and event_type like '%PaymentRefunded%'")
                .param("key", orderId).query(String.class).single();
        assertThat(ApiClient.JSON.readTree(event).path("refundId").asString()).isEqualTo(refundId);
        assertThat(ApiClient.JSON.readTree(event).path("reason").asString()).isEqualTo("duplicate");
        assertThat(ApiClient.JSON.readTree(event).path("actorId").asString()).isEqualTo(buyer.id().toString());
    }

    @Test
    void ofSixteenConcurrentRefundRequestsOneIsAcceptedAndOneRefundReachesStripe() throws Exception {
        TestUser buyer = TestUser.student();
        String orderId = paidOrder(buyer, 3100);
        String intent = jdbc.sql("select payment_intent_id from payment_order where id = :id")
                .param("id", UUID.fromString(orderId)).query(String.class).single();
        refundsOf(intent, 200, """
                {"id": "re_test_race", "object": "refund", "amount": 3100, "currency": "usd", "status": "pending"}""");
        ApiClient buyerApi = api.as(buyer);
        List<Callable<ApiResponse>> requests = IntStream.range(0, 16).<Callable<ApiResponse>>mapToObj(i -> () ->
                buyerApi.post("/api/v1/payments/" + orderId + "/refund", Map.of("reason", "try " + i))).toList();
        List<ApiResponse> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (var answer : pool.invokeAll(requests)) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).filteredOn(answer -> answer.status() == 202).hasSize(1);
        List<ApiResponse> refused = answers.stream().filter(answer -> answer.status() != 202).toList();
        assertThat(refused).hasSize(15).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.text("type")).endsWith("refund-already-requested");
        });
        STRIPE.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/refunds"))
                .withRequestBody(containing("payment_intent=" + intent)));
        assertThat(jdbc.sql("select count(*) from refund where order_id = :id").param("id", UUID.fromString(orderId))
                .query(Long.class).single()).isEqualTo(1);

        ApiResponse later = buyerApi.post("/api/v1/payments/" + orderId + "/refund", Map.of());
        assertThat(later.status()).as("still open until Stripe confirms it").isEqualTo(409);
    }

    @Test
    void aRefundStripeRefusesIsClosedAndMayBeAskedAgain() {
        TestUser buyer = TestUser.student();
        String orderId = paidOrder(buyer, 2700);
        String intent = jdbc.sql("select payment_intent_id from payment_order where id = :id")
                .param("id", UUID.fromString(orderId)).query(String.class).single();
        refundsOf(intent, 400, """
                {"error": {"type": "invalid_request_error", "code": "charge_disputed",
                 "message": "This charge is disputed and cannot be refunded now."}}""");
        ApiClient buyerApi = api.as(buyer);

        ApiResponse refused = buyerApi.post("/api/v1/payments/" + orderId + "/refund", Map.of());
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.text("type")).endsWith("payment-provider-unavailable");
        assertThat(jdbc.sql("select status from refund where order_id = :id").param("id", UUID.fromString(orderId))
                .query(String.class).list()).containsExactly("FAILED");

        refundsOf(intent, 200, """
                {"id": "re_test_again", "object": "refund", "amount": 2700, "currency": "usd", "status": "pending"}""");
        assertThat(buyerApi.post("/api/v1/payments/" + orderId + "/refund", Map.of()).status()).isEqualTo(202);
        assertThat(status(orderId)).isEqualTo("PAID");
    }

    /** How Stripe answers refunds of this payment. */
    private static void refundsOf(String intent, int status, String body) {
        STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).withRequestBody(containing("payment_intent=" + intent))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    /** An order paid through a signed {@code checkout.session.completed}, as after Stripe Checkout. */
    private String paidOrder(TestUser buyer, long price) {
        String orderId = checkedOut(buyer, courseOnSale(UUID.randomUUID(), price).courseId()).toString();
        deliver("checkout.session.completed", StripeWebhooks.completedSession(UUID.fromString(orderId),
                newPaymentIntent(), price));
        assertThat(status(orderId)).isEqualTo("PAID");
        return orderId;
    }
}
