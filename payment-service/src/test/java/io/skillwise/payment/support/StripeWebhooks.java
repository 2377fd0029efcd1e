package io.skillwise.payment.support;

import com.stripe.Stripe;
import io.skillwise.testsupport.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe events as Stripe delivers them: the event envelope, and a {@code Stripe-Signature} computed as Stripe
 * documents it (HMAC-SHA256 of {@code "<t>.<payload>"} keyed with the endpoint secret). Written independently of
 * the service's own signer so that the test does not prove the service against itself.
 */
public final class StripeWebhooks {

    public static final String SECRET = "whsec_skillwise_local";
    /** Where Stripe delivers them. */
    public static final String PATH = "/api/v1/payments/webhook";

    private StripeWebhooks() {
    }

    public static String event(String id, String type, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("created", Instant.now().getEpochSecond());
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("request", Map.of());
        event.put("type", type);
        event.put("data", Map.of("object", object));
        return ApiClient.JSON.writeValueAsString(event);
    }

    public static String newEventId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String sign(String payload, String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String v1 = HexFormat.of().formatHex(mac.doFinal(
                    (at.getEpochSecond() + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return "t=" + at.getEpochSecond() + ",v1=" + v1;
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static String sign(String payload) {
        return sign(payload, SECRET, Instant.now());
    }

    public static Map<String, Object> completedSession(UUID orderId, String intentId, long amount) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", "cs_test_" + UUID.randomUUID().toString().replace("-", ""));
        session.put("object", "checkout.session");
        session.put("mode", "payment");
        session.put("client_reference_id", orderId.toString());
        session.put("metadata", Map.of("orderId", orderId.toString()));
        session.put("amount_total", amount);
        session.put("currency", "usd");
        session.put("payment_intent", intentId);
        session.put("status", "complete");
        session.put("payment_status", "paid");
        return session;
    }

    /**
     * A Checkout Session paid with a delayed method (bank debit, transfer, voucher), as Stripe sends it in
     * {@code checkout.session.completed} ({@code unpaid}) and later {@code checkout.session.async_payment_*}.
     */
    public static Map<String, Object> delayedSession(UUID orderId, String intentId, long amount, String paymentStatus) {
        Map<String, Object> session = completedSession(orderId, intentId, amount);
        session.put("payment_method_types", List.of("sepa_debit"));
        session.put("payment_status", paymentStatus);
        return session;
    }

    public static Map<String, Object> refundedCharge(String intentId, long amount, long amountRefunded) {
        String refundId = "re_test_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> refund = Map.of("id", refundId, "object", "refund", "amount", amountRefunded,
                "currency", "usd", "payment_intent", intentId, "status", "succeeded", "metadata", Map.of());
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("id", "ch_test_" + intentId);
        charge.put("object", "charge");
        charge.put("amount", amount);
        charge.put("amount_refunded", amountRefunded);
        charge.put("currency", "usd");
        charge.put("payment_intent", intentId);
        charge.put("refunded", amountRefunded >= amount);
        charge.put("refunds", Map.of("object", "list", "data", List.of(refund), "has_more", false));
        return charge;
    }

    public static Map<String, Object> dispute(String disputeId, String intentId, long amount, String status) {
        Map<String, Object> dispute = new LinkedHashMap<>();
        dispute.put("id", disputeId);
        dispute.put("object", "dispute");
        dispute.put("amount", amount);
        dispute.put("currency", "usd");
        dispute.put("charge", "ch_test_" + intentId);
        dispute.put("payment_intent", intentId);
        dispute.put("reason", "fraudulent");
        dispute.put("status", status);
        return dispute;
    }

    /** Stripe's {@code sub_...} id of the local provider's subscription with our id. */
    public static String stripeSubscriptionId(String subscriptionId) {
        return "sub_local_" + subscriptionId.replace("-", "");
    }

    /** A Stripe Billing invoice of our subscription for one period, paid in USD. */
    public static Map<String, Object> subscriptionInvoice(String subscriptionId, Instant start, Instant end,
                                                          long amountPaid) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", "in_test_" + UUID.randomUUID().toString().replace("-", ""));
        invoice.put("object", "invoice");
        invoice.put("amount_paid", amountPaid);
        invoice.put("currency", "usd");
        invoice.put("billing_reason", "subscription_cycle");
        invoice.put("parent", Map.of("type", "subscription_details", "subscription_details",
                Map.of("subscription", stripeSubscriptionId(subscriptionId),
                        "metadata", Map.of("subscriptionId", subscriptionId))));
        invoice.put("lines", Map.of("object", "list", "data", List.of(Map.of("object", "line_item",
                "period", Map.of("start", start.getEpochSecond(), "end", end.getEpochSecond())))));
        return invoice;
    }
}
