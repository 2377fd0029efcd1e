package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe webhook events as Stripe sends them to {@code POST /api/v1/payments/webhook}: the event envelope around a
 * Checkout Session, and the {@code Stripe-Signature} header computed as Stripe documents it
 * ({@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" keyed with the endpoint secret>}). Written here,
 * not borrowed from payment-service, so the black-box tests do not prove the service against its own signer.
 */
final class SignedWebhooks {

    /** The local stack's endpoint secret, which devstack gives payment-service with the local provider. */
    static final String LOCAL_SECRET = DevStack.LOCAL_WEBHOOK_SECRET;

    private SignedWebhooks() {
    }

    /** A {@code checkout.session.completed} for a paid one-off order, naming it as our checkout does. */
    static String checkoutCompleted(UUID orderId, long amountTotal, String currency) {
        return event("checkout.session.completed", checkoutSession(orderId, amountTotal, currency, "paid"));
    }

    /**
     * The Checkout Session of a one-off order as Stripe's events carry it: {@code paid}, or {@code unpaid} while a
     * delayed method (bank debit, transfer, voucher) is on its way. Its payment intent is derived from the order.
     */
    static Map<String, Object> checkoutSession(UUID orderId, long amountTotal, String currency, String paymentStatus) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", "cs_test_" + compact(UUID.randomUUID()));
        session.put("object", "checkout.session");
        session.put("mode", "payment");
        session.put("client_reference_id", orderId.toString());
        session.put("metadata", Map.of("orderId", orderId.toString()));
        session.put("amount_total", amountTotal);
        session.put("currency", currency.toLowerCase(Locale.ROOT));
        session.put("payment_intent", "pi_test_" + compact(orderId));
        session.put("status", "complete");
        session.put("payment_status", paymentStatus);
        return session;
    }

    /**
     * A {@code charge.refunded} for the payment intent {@link #checkoutSession} gave the order, with Stripe's
     * running total of what was refunded so far (a refund made in Stripe's dashboard: no refund id of ours).
     */
    static String chargeRefunded(UUID orderId, long amount, long amountRefunded) {
        String intent = "pi_test_" + compact(orderId);
        Map<String, Object> refund = Map.of("id", "re_test_" + compact(UUID.randomUUID()), "object", "refund",
                "amount", amountRefunded, "currency", "usd", "payment_intent", intent, "status", "succeeded",
                "metadata", Map.of());
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("id", "ch_test_" + compact(orderId));
        charge.put("object", "charge");
        charge.put("amount", amount);
        charge.put("amount_refunded", amountRefunded);
        charge.put("currency", "usd");
        charge.put("payment_intent", intent);
        charge.put("refunded", amountRefunded >= amount);
        charge.put("refunds", Map.of("object", "list", "data", List.of(refund), "has_more", false));
        return event("charge.refunded", charge);
    }

    /** Sends a signed event to payment-service's webhook through the gateway, as Stripe does. */
    static ApiResponse deliver(ApiClient gateway, String payload) {
        return gateway.anonymous().withHeader("Stripe-Signature", signature(payload, LOCAL_SECRET))
                .post("/payments/webhook", payload);
    }

    static String event(String type, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_test_" + compact(UUID.randomUUID()));
        event.put("object", "event");
        // the version payment-service's stripe-java pins, as the Stripe account's webhook endpoint would send
        event.put("api_version", "2025-11-17.clover");
        event.put("created", Instant.now().getEpochSecond());
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("request", Map.of());
        event.put("type", type);
        event.put("data", Map.of("object", object));
        return ApiClient.JSON.writeValueAsString(event);
    }

    /** The {@code Stripe-Signature} header for the exact payload bytes, signed now. */
    static String signature(String payload, String secret) {
        long t = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new AssertionError("HmacSHA256 is not available", e);
        }
    }

    private static String compact(UUID id) {
        return id.toString().replace("-", "");
    }
}
