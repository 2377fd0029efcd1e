package io.skillwise.payment.provider;

import io.skillwise.events.common.Money;
import java.util.UUID;

/**
 * Where money is taken and given back. The outcome of both calls arrives later, as a signed webhook event: neither
 * answer changes an order by itself.
 */
public interface PaymentProvider {

    /** {@code stripe} or {@code local}, stored with each order. */
    String name();

    CheckoutSession createCheckout(CheckoutRequest request);

    ProviderRefund refund(RefundRequest request);

    /**
     * How a payment was made, as printed on its invoice, e.g. {@code Visa •••• 4242}: the card brand and its last
     * four digits, or the kind of method (SEPA Direct Debit, PayPal) where there is no card. Empty when the provider
     * does not say or cannot be asked right now; an invoice is never held up for it.
     */
    java.util.Optional<String> paymentMethodSummary(String paymentIntentId);

    /** A checkout in subscription mode for the all-access plan; Stripe Billing renews it monthly. */
    CheckoutSession createSubscriptionCheckout(SubscriptionCheckoutRequest request);

    /** Asks the provider to end the subscription when the paid period ends; confirmed by webhook. */
    void cancelAtPeriodEnd(UUID subscriptionId, String providerSubscriptionId);

    /**
     * @param orderId    also the provider's idempotency key, so a retried creation gives back the same session
     * @param buyerEmail prefilled on the provider's page; may be absent
     */
    record CheckoutRequest(UUID orderId, String buyerEmail, String courseTitle, Money amount) {
    }

    record CheckoutSession(String sessionId, String url) {
    }

    /**
     * @param alreadyRefunded what the provider has refunded on this payment before this refund
     */
    record RefundRequest(UUID orderId, UUID refundId, String paymentIntentId, Money amount, Money paid,
                         Money alreadyRefunded, String reason) {
    }

    record ProviderRefund(String providerRefundId) {
    }

    /** @param stripePriceId a recurring Price configured in Stripe; absent means the price is sent inline */
    record SubscriptionCheckoutRequest(UUID subscriptionId, String email, String planCode, Money price,
                                       String stripePriceId) {
    }
}
