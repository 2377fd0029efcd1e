package io.skillwise.payment.provider;

import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.payment.catalog.PriceReplicaService;
import io.skillwise.payment.support.Courses;
import io.skillwise.payment.support.StripeWebhooks;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.WithInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With a Stripe key the service talks to Stripe's API (here WireMock) and the local page is gone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure(postgres = true, kafka = true, tokens = true)
class StripeModeIT {

    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        STRIPE.start();
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("skillwise.payment.stripe.api-key", () -> "sk_test_skillwise");
        registry.add("skillwise.payment.stripe.api-base", STRIPE::baseUrl);
    }

    @AfterAll
    static void stop() {
        STRIPE.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    PriceReplicaService replica;

    @Autowired
    JdbcClient jdbc;

    @Test
    void checkoutAndRefundGoThroughStripeAndTheOrderFollowsTheWebhooks() {
        ApiClient api = ApiClient.root(port);
        TestUser buyer = TestUser.student();
        CoursePublished course = Courses.published(UUID.randomUUID(), 4999);
        replica.applySnapshot(course);
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

        ApiResponse created = api.as(buyer).withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/payments/create", Map.of("courseId", course.courseId()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("checkoutUrl")).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_mode");
        String orderId = created.text("orderId");
        STRIPE.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("checkout-" + orderId))
                .withFormParam("metadata[orderId]", equalTo(orderId)));
        assertThat(api.get("/api/v1/payments/local-checkout/" + orderId).status()).isEqualTo(404);

        String intent = "pi_test_mode_" + UUID.randomUUID().toString().replace("-", "");
        String completed = StripeWebhooks.event(StripeWebhooks.newEventId(), "checkout.session.completed",
                StripeWebhooks.completedSession(UUID.fromString(orderId), intent, 4999));
        assertThat(api.withHeader("Stripe-Signature", StripeWebhooks.sign(completed)).post(StripeWebhooks.PATH,
                completed).status()).isEqualTo(200);

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
        String refunded = StripeWebhooks.event(StripeWebhooks.newEventId(), "charge.refunded", charge);
        assertThat(api.withHeader("Stripe-Signature", StripeWebhooks.sign(refunded)).post(StripeWebhooks.PATH,
                refunded).status()).isEqualTo(200);

        assertThat(status(orderId)).isEqualTo("REFUNDED");
        String event = jdbc.sql("select payload::text from outbox_event where event_key = :key and event_type like '%PaymentRefunded%'")
                .param("key", orderId).query(String.class).single();
        assertThat(ApiClient.JSON.readTree(event).path("refundId").asString()).isEqualTo(refundId);
        assertThat(ApiClient.JSON.readTree(event).path("reason").asString()).isEqualTo("duplicate");
        assertThat(ApiClient.JSON.readTree(event).path("actorId").asString()).isEqualTo(buyer.id().toString());
    }

    private String status(String orderId) {
        return jdbc.sql("select status from payment_order where id = :id").param("id", UUID.fromString(orderId))
                .query(String.class).single();
    }
}
