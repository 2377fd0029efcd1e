package io.skillwise.payment.provider;

import com.stripe.Stripe;
import io.skillwise.events.common.Money;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for Stripe where {@code skillwise.payment.provider=local} (local runs, tests). The checkout URL is a page
 * payment-service serves itself; what the buyer presses there becomes a Stripe-shaped event, signed with the webhook
 * secret exactly as Stripe signs, posted to the service's own webhook. Everything after the webhook is the same code
 * path as with Stripe.
 */
public class LocalPaymentProvider implements PaymentProvider {

    public static final String CHECKOUT_PATH = "/api/v1/payments/local-checkout/";

    /** Stripe's test card number ends in 4242. */
    private static final String LOCAL_CARD_LAST4 = "4242";

    private final StripeProperties properties;
    private final JsonMapper json;
    private final Environment environment;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LocalPaymentProvider(StripeProperties properties, JsonMapper json, Environment environment, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public CheckoutSession createCheckout(CheckoutRequest request) {
        return new CheckoutSession(sessionId(request.orderId()),
                properties.localBaseUrl() + CHECKOUT_PATH + request.orderId());
    }

    /** The local checkout page stands for Stripe's test Visa card, so its payments read as Stripe would give them. */
    @Override
    public java.util.Optional<String> paymentMethodSummary(String paymentIntentId) {
        return paymentIntentId == null ? java.util.Optional.empty()
                : java.util.Optional.of(PaymentMethods.card("visa", LOCAL_CARD_LAST4));
    }

    @Override
    public ProviderRefund refund(RefundRequest request) {
        String refundId = "re_local_" + hex(request.refundId());
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("id", refundId);
        refund.put("object", "refund");
        refund.put("amount", request.amount().amount());
        refund.put("currency", currency(request.amount()));
        refund.put("payment_intent", request.paymentIntentId());
        refund.put("status", "succeeded");
        refund.put("metadata", Map.of("orderId", request.orderId().toString(),
                "refundId", request.refundId().toString()));
        long refunded = request.alreadyRefunded().amount() + request.amount().amount();
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("id", "ch_local_" + hex(request.orderId()));
        charge.put("object", "charge");
        charge.put("amount", request.paid().amount());
        charge.put("amount_refunded", refunded);
        charge.put("currency", currency(request.paid()));
        charge.put("payment_intent", request.paymentIntentId());
        charge.put("refunded", refunded >= request.paid().amount());
        charge.put("refunds", Map.of("object", "list", "data", java.util.List.of(refund), "has_more", false));
        send("charge.refunded", charge);
        return new ProviderRefund(refundId);
    }

    @Override
    public CheckoutSession createSubscriptionCheckout(SubscriptionCheckoutRequest request) {
        return new CheckoutSession("cs_local_" + hex(request.subscriptionId()),
                properties.localBaseUrl() + CHECKOUT_PATH + "subscriptions/" + request.subscriptionId());
    }

    @Override
    public void cancelAtPeriodEnd(UUID subscriptionId, String providerSubscriptionId) {
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("id", providerSubscriptionId);
        subscription.put("object", "subscription");
        subscription.put("status", "active");
        subscription.put("cancel_at_period_end", true);
        subscription.put("metadata", Map.of("subscriptionId", subscriptionId.toString()));
        send("customer.subscription.updated", subscription);
    }

    /**
     * Subscribing on the local page: the completed checkout, then the first invoice paid for one month from now.
     * Locally nothing renews or ends by itself; there is no billing clock.
     */
    public void subscribe(UUID subscriptionId, Money price, String email) {
        String stripeId = "sub_local_" + hex(subscriptionId);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", "cs_local_" + hex(subscriptionId));
        session.put("object", "checkout.session");
        session.put("mode", "subscription");
        session.put("client_reference_id", subscriptionId.toString());
        session.put("metadata", Map.of("subscriptionId", subscriptionId.toString()));
        session.put("subscription", stripeId);
        session.put("customer_email", email);
        session.put("status", "complete");
        session.put("payment_status", "paid");
        send("checkout.session.completed", session);
        long start = clock.instant().getEpochSecond();
        long end = clock.instant().atZone(java.time.ZoneOffset.UTC).plusMonths(1).toEpochSecond();
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", "in_local_" + hex(UUID.randomUUID()));
        invoice.put("object", "invoice");
        invoice.put("amount_paid", price.amount());
        invoice.put("currency", currency(price));
        invoice.put("status", "paid");
        invoice.put("billing_reason", "subscription_create");
        invoice.put("parent", Map.of("type", "subscription_details", "subscription_details", Map.of(
                "subscription", stripeId, "metadata", Map.of("subscriptionId", subscriptionId.toString()))));
        invoice.put("lines", Map.of("object", "list", "data", java.util.List.of(Map.of(
                "object", "line_item", "amount", price.amount(), "period", Map.of("start", start, "end", end)))));
        send("invoice.paid", invoice);
    }

    /** What the buyer pressed on the local checkout page. */
    public enum Outcome { PAY, FAIL, CANCEL }

    /** Sends the events Stripe would send for the buyer's choice. */
    public void complete(UUID orderId, Money amount, String buyerEmail, Outcome outcome) {
        String intentId = "pi_local_" + hex(orderId);
        switch (outcome) {
            case PAY -> send("checkout.session.completed", session(orderId, amount, buyerEmail, intentId,
                    "complete", "paid"));
            case CANCEL -> send("checkout.session.expired", session(orderId, amount, buyerEmail, null,
                    "expired", "unpaid"));
            case FAIL -> {
                Map<String, Object> intent = new LinkedHashMap<>();
                intent.put("id", intentId);
                intent.put("object", "payment_intent");
                intent.put("amount", amount.amount());
                intent.put("currency", currency(amount));
                intent.put("status", "requires_payment_method");
                intent.put("metadata", Map.of("orderId", orderId.toString()));
                intent.put("last_payment_error", Map.of("type", "card_error", "code", "card_declined",
                        "decline_code", "generic_decline", "message", "Your card was declined."));
                send("payment_intent.payment_failed", intent);
            }
        }
    }

    private Map<String, Object> session(UUID orderId, Money amount, String email, String intentId, String status,
                                        String paymentStatus) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", sessionId(orderId));
        session.put("object", "checkout.session");
        session.put("mode", "payment");
        session.put("client_reference_id", orderId.toString());
        session.put("metadata", Map.of("orderId", orderId.toString()));
        session.put("amount_total", amount.amount());
        session.put("currency", currency(amount));
        session.put("customer_email", email);
        session.put("payment_intent", intentId);
        session.put("status", status);
        session.put("payment_status", paymentStatus);
        return session;
    }

    private void send(String type, Map<String, Object> object) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_local_" + hex(UUID.randomUUID()));
        event.put("object", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("created", now);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("type", type);
        event.put("data", Map.of("object", object));
        String payload = json.writeValueAsString(event);
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", StripeSignatures.header(payload, properties.webhookSecret(), now))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new PaymentProviderException("the webhook refused the local " + type + " event: "
                        + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new PaymentProviderException("the local provider could not reach the webhook", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderException("interrupted while sending the local " + type + " event", e);
        }
    }

    private String webhookUrl() {
        if (properties.localWebhookUrl() != null && !properties.localWebhookUrl().isBlank()) {
            return properties.localWebhookUrl();
        }
        // the port the server actually bound (random in tests), known only once the server has started
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8084"));
        return "http://127.0.0.1:" + port + "/api/v1/payments/webhook";
    }

    private static String sessionId(UUID orderId) {
        return "cs_local_" + hex(orderId);
    }

    private static String currency(Money money) {
        return money.currency().toLowerCase(Locale.ROOT);
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }
}
