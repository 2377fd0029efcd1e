package io.skillwise.payment.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.skillwise.events.common.Money;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe adapter through the real stripe-java client, against WireMock answering as Stripe's API does. */
class StripePaymentProviderTest {

    private WireMockServer stripeApi;
    private StripePaymentProvider provider;

    @BeforeEach
    void start() {
        stripeApi = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stripeApi.start();
        provider = provider(Duration.ofSeconds(8));
    }

    private StripePaymentProvider provider(Duration readTimeout) {
        StripeProperties properties = new StripeProperties("sk_test_skillwise", stripeApi.baseUrl(), "whsec_test",
                Duration.ofMinutes(5), "https://app.example/ok?o={ORDER_ID}", "https://app.example/no?o={ORDER_ID}",
                "http://127.0.0.1:8080", null, Duration.ofSeconds(2), readTimeout);
        return new StripePaymentProvider(StripePaymentProvider.client(properties), properties);
    }

    @AfterEach
    void stop() {
        stripeApi.stop();
    }

    @Test
    void checkoutSessionCarriesTheOrderAndAnIdempotencyKeyFromIt() {
        UUID orderId = UUID.randomUUID();
        stripeApi.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_1")
                .withBody("""
                        {"id": "cs_test_a1", "object": "checkout.session", "mode": "payment",
                         "client_reference_id": "%s", "metadata": {"orderId": "%s"}, "amount_total": 4999,
                         "currency": "usd", "status": "open", "payment_status": "unpaid", "livemode": false,
                         "url": "https://checkout.stripe.com/c/pay/cs_test_a1"}""".formatted(orderId, orderId))));

        PaymentProvider.CheckoutSession session = provider.createCheckout(new PaymentProvider.CheckoutRequest(
                orderId, "buyer@example.com", "Kotlin for Pros", Money.of(4999, "USD")));

        assertThat(session.sessionId()).isEqualTo("cs_test_a1");
        assertThat(session.url()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_a1");
        stripeApi.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("checkout-" + orderId))
                .withHeader("Authorization", equalTo("Bearer sk_test_skillwise"))
                .withFormParam("mode", equalTo("payment"))
                .withFormParam("client_reference_id", equalTo(orderId.toString()))
                .withFormParam("metadata[orderId]", equalTo(orderId.toString()))
                .withFormParam("payment_intent_data[metadata][orderId]", equalTo(orderId.toString()))
                .withFormParam("success_url", equalTo("https://app.example/ok?o=" + orderId))
                .withFormParam("cancel_url", equalTo("https://app.example/no?o=" + orderId))
                .withFormParam("line_items[0][price_data][unit_amount]", equalTo("4999"))
                .withFormParam("line_items[0][price_data][currency]", equalTo("usd"))
                .withFormParam("customer_email", equalTo("buyer@example.com")));
    }

    @Test
    void paymentMethodIsTheCardBrandAndLastFourOfThePaymentIntentsLatestCharge() {
        stripeApi.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_test_card"))
                .withQueryParam("expand[0]", equalTo("latest_charge"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id": "pi_test_card", "object": "payment_intent", "status": "succeeded",
                                 "latest_charge": {"id": "ch_1", "object": "charge", "payment_method_details": {
                                   "type": "card", "card": {"brand": "mastercard", "last4": "4444"}}}}""")));
        stripeApi.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_test_sepa"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id": "pi_test_sepa", "object": "payment_intent", "status": "succeeded",
                                 "latest_charge": {"id": "ch_2", "object": "charge", "payment_method_details": {
                                   "type": "sepa_debit", "sepa_debit": {"last4": "3000"}}}}""")));
        stripeApi.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_test_gone"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error": {"type": "invalid_request_error", "code": "resource_missing",
                                 "message": "No such payment_intent"}}""")));

        assertThat(provider.paymentMethodSummary("pi_test_card")).hasValue("Mastercard \u2022\u2022\u2022\u2022 4444");
        assertThat(provider.paymentMethodSummary("pi_test_sepa"))
                .hasValue("SEPA Direct Debit \u2022\u2022\u2022\u2022 3000");
        assertThat(provider.paymentMethodSummary("pi_test_gone")).as("an invoice is not held up for it").isEmpty();
    }

    @Test
    void refundIsMadeOnThePaymentIntentWithTheRefundAsIdempotencyKey() {
        UUID orderId = UUID.randomUUID();
        UUID refundId = UUID.randomUUID();
        stripeApi.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": "re_test_9", "object": "refund", "amount": 2000, "currency": "usd",
                         "payment_intent": "pi_test_7", "status": "succeeded",
                         "metadata": {"orderId": "%s", "refundId": "%s"}}""".formatted(orderId, refundId))));

        PaymentProvider.ProviderRefund refund = provider.refund(new PaymentProvider.RefundRequest(orderId, refundId,
                "pi_test_7", Money.of(2000, "USD"), Money.of(4999, "USD"), Money.zero("USD"), "changed my mind"));

        assertThat(refund.providerRefundId()).isEqualTo("re_test_9");
        stripeApi.verify(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-" + refundId))
                .withFormParam("payment_intent", equalTo("pi_test_7"))
                .withFormParam("amount", equalTo("2000"))
                .withFormParam("metadata[refundId]", equalTo(refundId.toString())));
    }

    @Test
    void subscriptionCheckoutIsMonthlyAndCarriesOurIdIntoStripesSubscription() {
        UUID subscriptionId = UUID.randomUUID();
        stripeApi.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": "cs_test_sub", "object": "checkout.session", "mode": "subscription",
                         "url": "https://checkout.stripe.com/c/pay/cs_test_sub"}""")));
        stripeApi.stubFor(post(urlEqualTo("/v1/subscriptions/sub_test_1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": "sub_test_1", "object": "subscription", "status": "active",
                         "cancel_at_period_end": true}""")));

        PaymentProvider.CheckoutSession session = provider.createSubscriptionCheckout(
                new PaymentProvider.SubscriptionCheckoutRequest(subscriptionId, null, "all-access-monthly",
                        Money.of(1999, "USD"), null));
        provider.cancelAtPeriodEnd(subscriptionId, "sub_test_1");

        assertThat(session.url()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_sub");
        stripeApi.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("subscription-" + subscriptionId))
                .withFormParam("mode", equalTo("subscription"))
                .withFormParam("subscription_data[metadata][subscriptionId]", equalTo(subscriptionId.toString()))
                .withFormParam("line_items[0][price_data][recurring][interval]", equalTo("month"))
                .withFormParam("line_items[0][price_data][unit_amount]", equalTo("1999")));
        stripeApi.verify(postRequestedFor(urlEqualTo("/v1/subscriptions/sub_test_1"))
                .withHeader("Idempotency-Key", equalTo("cancel-" + subscriptionId))
                .withFormParam("cancel_at_period_end", equalTo("true")));
    }

    @Test
    void aStripeSlowerThanTheReadTimeoutIsAProviderFailureAfterTwoRetries() {
        stripeApi.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"re_late\", \"object\": \"refund\"}")));
        StripePaymentProvider impatient = provider(Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.refund(new PaymentProvider.RefundRequest(UUID.randomUUID(),
                UUID.randomUUID(), "pi_test_7", Money.of(1, "USD"), Money.of(1, "USD"), Money.zero("USD"), null)))
                .isInstanceOf(PaymentProviderException.class)
                .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
        // the same idempotency key each time, so Stripe makes the refund at most once
        stripeApi.verify(exactly(3), postRequestedFor(urlEqualTo("/v1/refunds")));
        assertThat(stripeApi.findAll(postRequestedFor(urlEqualTo("/v1/refunds"))).stream()
                .map(request -> request.getHeader("Idempotency-Key")).distinct()).hasSize(1);
    }

    @Test
    void stripeErrorsBecomeAProviderFailure() {
        stripeApi.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error": {"type": "invalid_request_error", "code": "charge_already_refunded",
                         "message": "Charge ch_1 has already been refunded."}}""")));

        assertThatThrownBy(() -> provider.refund(new PaymentProvider.RefundRequest(UUID.randomUUID(),
                UUID.randomUUID(), "pi_test_7", Money.of(1, "USD"), Money.of(1, "USD"), Money.zero("USD"), null)))
                .isInstanceOf(PaymentProviderException.class)
                .hasMessageContaining("already been refunded");
    }
}
