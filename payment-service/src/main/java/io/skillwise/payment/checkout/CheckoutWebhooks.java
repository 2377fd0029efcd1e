package io.skillwise.payment.checkout;

import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.model.checkout.Session;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.PaymentFailed;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.payment.earnings.EarningsService;
import io.skillwise.payment.invoice.InvoiceService;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderEvents;
import io.skillwise.payment.order.OrderMetrics;
import io.skillwise.payment.order.OrderService;
import io.skillwise.payment.order.OrderStatus;
import io.skillwise.payment.provider.ProviderMetadata;
import io.skillwise.payment.provider.WebhookOutcome;
import io.skillwise.payment.refund.RefundService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a checkout ends, as Stripe reports it: paid (at once, or later for a delayed payment method), declined,
 * expired, or a delayed payment that failed. Applied in the webhook's transaction; a payment is sold only on money.
 */
@Service
public class CheckoutWebhooks {

    private static final Logger log = LoggerFactory.getLogger(CheckoutWebhooks.class);

    private final OrderService orders;
    private final EarningsService earnings;
    private final InvoiceService invoices;
    private final RefundService refunds;
    private final EventPublisher events;
    private final OrderMetrics metrics;
    private final Clock clock;

    CheckoutWebhooks(OrderService orders, EarningsService earnings, InvoiceService invoices, RefundService refunds,
                     EventPublisher events, OrderMetrics metrics, Clock clock) {
        this.orders = orders;
        this.earnings = earnings;
        this.invoices = invoices;
        this.refunds = refunds;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * {@code checkout.session.completed} (payment mode). With {@code payment_status} {@code paid} the order is paid.
     * A delayed method (bank debit, transfer, voucher) completes the session {@code unpaid}: the order stays pending
     * with its payment known, and {@code checkout.session.async_payment_succeeded} or {@code _failed} settles it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome completed(Session session, Instant occurredAt) {
        String paymentStatus = session.getPaymentStatus();
        if ("paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus)) {
            return paid(session, occurredAt);
        }
        String intentId = session.getPaymentIntent();
        return withOrder(session, intentId, order -> {
            if (!order.checkoutOpen() || intentId == null) {
                return WebhookOutcome.ignored();
            }
            orders.save(order.awaitingDelayedPayment(intentId, clock.instant()));
            log.info("order {} awaits a delayed payment ({})", order.id(), intentId);
            return WebhookOutcome.applied();
        });
    }

    /** {@code checkout.session.async_payment_succeeded}: the delayed payment arrived. */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome delayedPaymentSucceeded(Session session, Instant occurredAt) {
        return paid(session, occurredAt);
    }

    /** {@code checkout.session.async_payment_failed}: the delayed payment never arrived; nothing is sold. */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome delayedPaymentFailed(Session session) {
        String intentId = session.getPaymentIntent();
        return withOrder(session, intentId, order -> !order.checkoutOpen() ? WebhookOutcome.ignored()
                : fail(order, OrderStatus.DELAYED_PAYMENT_FAILED, intentId, "async_payment_failed",
                        "The payment did not arrive (bank debit, transfer or voucher); nothing was charged."));
    }

    /** {@code checkout.session.expired}: the buyer never paid. */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome expired(Session session) {
        return withOrder(session, null, order -> !order.checkoutOpen() ? WebhookOutcome.ignored()
                : fail(order, OrderStatus.EXPIRED, null, "checkout_expired", "The checkout expired unpaid."));
    }

    /** {@code payment_intent.payment_failed}: a declined card; the buyer may still pay in the same checkout. */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome paymentFailed(PaymentIntent intent) {
        UUID orderId = ProviderMetadata.uuid(intent.getMetadata(), "orderId").orElse(null);
        Optional<Order> found = orderId != null ? orders.lock(orderId) : orders.lockByPaymentIntent(intent.getId());
        if (found.isEmpty()) {
            return orderId == null ? WebhookOutcome.ignored() : WebhookOutcome.notYet(orderId, intent.getId());
        }
        Order order = found.get();
        if (!order.checkoutOpen() || order.awaitsDelayedPayment()) {
            // a delayed payment that fails is settled by checkout.session.async_payment_failed, sent alongside
            return WebhookOutcome.ignored();
        }
        StripeError error = intent.getLastPaymentError();
        String code = error == null || error.getCode() == null ? "payment_failed" : error.getCode();
        return fail(order, OrderStatus.FAILED, intent.getId(), code, error == null ? null : error.getMessage());
    }

    /**
     * Money arrived for the order: it is paid (fees fixed, earnings, invoice, {@code CoursePurchased}), unless the
     * buyer already owns one of its courses through another paid order, in which case nothing is sold and the money
     * goes back.
     */
    private WebhookOutcome paid(Session session, Instant occurredAt) {
        String intentId = session.getPaymentIntent();
        return withOrder(session, intentId, order -> {
            if (!order.awaitingPayment()) {
                return WebhookOutcome.ignored();
            }
            Instant now = clock.instant();
            List<UUID> ownedElsewhere = orders.ownedElsewhere(order);
            if (!ownedElsewhere.isEmpty()) {
                // two open checkouts of the same course were both paid: sell nothing, give the money back
                Order duplicate = order.paidTwice(intentId, now);
                orders.save(duplicate);
                refunds.refundDuplicate(duplicate, now);
                log.warn("order {} paid for courses {} the buyer already owns: refunding it", order.id(),
                        ownedElsewhere);
                return WebhookOutcome.placed(duplicate.id(), duplicate.paymentIntentId());
            }
            Order paid = order.paid(intentId, line -> earnings.split(line.paidAmount()).fee(), now);
            orders.save(paid);
            earnings.recordSale(paid, now);
            UUID invoiceId = invoices.issue(paid, now);
            events.publish(new CoursePurchased(paid.id(), paid.buyerId(), OrderEvents.lines(paid), paid.bundleId(),
                    paid.paid(), paid.discount(), paid.couponId(), paid.couponCode(), paid.referralCode(),
                    paid.affiliateCode(), invoiceId, occurredAt, now));
            metrics.purchased();
            return WebhookOutcome.placed(paid.id(), paid.paymentIntentId());
        });
    }

    /**
     * Applies a session's event to its order, locked. Our checkout puts the order id in the session's metadata and
     * its {@code client_reference_id}; a session without one is not ours, and one for an order not here (yet) is
     * parked under it and the payment.
     */
    private WebhookOutcome withOrder(Session session, String intentId, Function<Order, WebhookOutcome> apply) {
        UUID orderId = ProviderMetadata.uuid(session.getMetadata(), "orderId")
                .or(() -> ProviderMetadata.uuid(session.getClientReferenceId())).orElse(null);
        if (orderId == null) {
            return WebhookOutcome.ignored();
        }
        return orders.lock(orderId).map(apply).orElseGet(() -> WebhookOutcome.notYet(orderId, intentId));
    }

    private WebhookOutcome fail(Order order, OrderStatus failure, String intentId, String code, String message) {
        Instant now = clock.instant();
        Order failed = order.failed(failure, intentId, now);
        orders.save(failed);
        events.publish(new PaymentFailed(failed.id(), failed.buyerId(), failed.courseIds(), failed.paid(), code,
                message, now));
        return WebhookOutcome.applied();
    }
}
