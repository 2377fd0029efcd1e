package io.skillwise.payment.provider;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stripe Checkout (mode payment) and Stripe refunds through stripe-java. */
public class StripePaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);

    private final StripeClient stripe;
    private final StripeProperties properties;

    public StripePaymentProvider(StripeClient stripe, StripeProperties properties) {
        this.stripe = stripe;
        this.properties = properties;
    }

    /**
     * stripe-java's client with our timeouts instead of its own (30 s to connect, 80 s to read: longer than any
     * buyer waits). Failed connections and timeouts are retried twice, safely: every call carries an idempotency key.
     */
    public static StripeClient client(StripeProperties properties) {
        return StripeClient.builder().setApiKey(properties.apiKey()).setApiBase(properties.apiBase())
                .setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(properties.readTimeout().toMillis()))
                .setMaxNetworkRetries(2).build();
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public CheckoutSession createCheckout(CheckoutRequest request) {
        String orderId = request.orderId().toString();
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(orderId)
                .putMetadata("orderId", orderId)
                // the PaymentIntent carries the order too, so payment_intent.* events can be matched to it
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("orderId", orderId).build())
                .setSuccessUrl(properties.successUrl(orderId))
                .setCancelUrl(properties.cancelUrl(orderId))
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.amount().currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(request.amount().amount())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.courseTitle()).build())
                                .build())
                        .build());
        if (request.buyerEmail() != null) {
            params.setCustomerEmail(request.buyerEmail());
        }
        try {
            // derived from the order: a retry after a timeout gets the session Stripe already created
            Session session = stripe.v1().checkout().sessions().create(params.build(),
                    RequestOptions.builder().setIdempotencyKey("checkout-" + orderId).build());
            return new CheckoutSession(session.getId(), session.getUrl());
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe did not create the checkout: " + e.getMessage(), e);
        }
    }

    @Override
    public CheckoutSession createSubscriptionCheckout(SubscriptionCheckoutRequest request) {
        String id = request.subscriptionId().toString();
        SessionCreateParams.LineItem.Builder item = SessionCreateParams.LineItem.builder().setQuantity(1L);
        if (request.stripePriceId() != null && !request.stripePriceId().isBlank()) {
            item.setPrice(request.stripePriceId());
        } else {
            item.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                    .setCurrency(request.price().currency().toLowerCase(Locale.ROOT))
                    .setUnitAmount(request.price().amount())
                    .setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                            .setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH).build())
                    .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                            .setName("SkillWise " + request.planCode()).build())
                    .build());
        }
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setClientReferenceId(id)
                .putMetadata("subscriptionId", id)
                // carried by the Stripe subscription, hence by its invoices and customer.subscription.* events
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("subscriptionId", id).build())
                .setSuccessUrl(properties.successUrl(id))
                .setCancelUrl(properties.cancelUrl(id))
                .addLineItem(item.build());
        if (request.email() != null) {
            params.setCustomerEmail(request.email());
        }
        try {
            Session session = stripe.v1().checkout().sessions().create(params.build(),
                    RequestOptions.builder().setIdempotencyKey("subscription-" + id).build());
            return new CheckoutSession(session.getId(), session.getUrl());
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe did not create the subscription checkout: " + e.getMessage(), e);
        }
    }

    @Override
    public void cancelAtPeriodEnd(UUID subscriptionId, String providerSubscriptionId) {
        try {
            stripe.v1().subscriptions().update(providerSubscriptionId,
                    SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build(),
                    RequestOptions.builder().setIdempotencyKey("cancel-" + subscriptionId).build());
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe did not cancel the subscription: " + e.getMessage(), e);
        }
    }

    /** The payment intent's latest charge, expanded, tells how it was paid. */
    @Override
    public Optional<String> paymentMethodSummary(String paymentIntentId) {
        if (paymentIntentId == null) {
            return Optional.empty();
        }
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().retrieve(paymentIntentId,
                    PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build());
            Charge charge = intent.getLatestChargeObject();
            return charge == null ? Optional.empty() : PaymentMethods.summary(charge.getPaymentMethodDetails());
        } catch (StripeException e) {
            log.warn("Stripe did not tell how payment {} was made: {}", paymentIntentId, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public ProviderRefund refund(RefundRequest request) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentIntentId())
                .setAmount(request.amount().amount())
                .putMetadata("orderId", request.orderId().toString())
                .putMetadata("refundId", request.refundId().toString())
                .build();
        try {
            Refund refund = stripe.v1().refunds().create(params,
                    RequestOptions.builder().setIdempotencyKey("refund-" + request.refundId()).build());
            return new ProviderRefund(refund.getId());
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe did not accept the refund: " + e.getMessage(), e);
        }
    }
}
