package io.skillwise.payment.provider;

import java.util.UUID;

/**
 * What a feature made of one verified provider event. The webhook router records it, parks the events that cannot be
 * placed yet and, once an order's payment is placed, applies what was parked for it.
 *
 * @param orderId         the order the event is about, when known
 * @param paymentIntentId the provider's payment, when known
 */
public record WebhookOutcome(Kind kind, UUID orderId, String paymentIntentId) {

    public enum Kind {
        /** The event changed something. */
        APPLIED,
        /** The event changed something, and events parked for this order or payment can now be placed. */
        PLACED,
        /** Nothing to do: already applied, not ours, or of no consequence. */
        IGNORED,
        /** About an order or payment this service cannot place yet (unknown order, refund before payment). */
        NOT_YET
    }

    public static WebhookOutcome applied() {
        return new WebhookOutcome(Kind.APPLIED, null, null);
    }

    public static WebhookOutcome applied(boolean changed) {
        return changed ? applied() : ignored();
    }

    public static WebhookOutcome placed(UUID orderId, String paymentIntentId) {
        return new WebhookOutcome(Kind.PLACED, orderId, paymentIntentId);
    }

    public static WebhookOutcome ignored() {
        return new WebhookOutcome(Kind.IGNORED, null, null);
    }

    public static WebhookOutcome notYet(UUID orderId, String paymentIntentId) {
        return new WebhookOutcome(Kind.NOT_YET, orderId, paymentIntentId);
    }
}
