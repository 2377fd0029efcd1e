package io.skillwise.payment.webhook;

import io.skillwise.events.common.Money;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.DisputeOutcome;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.PaymentFailed;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.payment.earnings.EarningEntry;
import io.skillwise.payment.earnings.EarningsService;
import io.skillwise.payment.invoice.InvoiceService;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderEvents;
import io.skillwise.payment.order.OrderRepository;
import io.skillwise.payment.order.OrderStatus;
import io.skillwise.payment.refund.RefundRepository;
import io.skillwise.payment.refund.RefundService;
import io.skillwise.payment.subscription.SubscriptionWebhooks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies verified Stripe events. Each event is recorded, applied and its outgoing event written to the outbox in
 * one transaction: a crash leaves either nothing (Stripe redelivers) or everything (a redelivery is a duplicate).
 *
 * <p>Events about an order or payment this service cannot place yet (unknown order, a refund or dispute before the
 * completed checkout) are parked and applied right after the checkout completes, in that transaction.
 */
@Service
public class WebhookService {

    public enum Result { APPLIED, DUPLICATE, PARKED, IGNORED }

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);

    private final StripeEventRepository stripeEvents;
    private final OrderRepository orders;
    private final RefundRepository refunds;
    private final RefundService refundService;
    private final DisputeRepository disputes;
    private final InvoiceService invoices;
    private final EarningsService earnings;
    private final SubscriptionWebhooks subscriptions;
    private final EventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    public WebhookService(StripeEventRepository stripeEvents, OrderRepository orders, RefundRepository refunds,
                          RefundService refundService, DisputeRepository disputes, InvoiceService invoices, EarningsService earnings,
                          SubscriptionWebhooks subscriptions, EventPublisher events, JsonMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.stripeEvents = stripeEvents;
        this.orders = orders;
        this.refunds = refunds;
        this.refundService = refundService;
        this.disputes = disputes;
        this.invoices = invoices;
        this.earnings = earnings;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** @param payload the verified event JSON as Stripe sent it */
    @Transactional
    public Result handle(String payload) {
        StripeEnvelope event = read(payload);
        if (!stripeEvents.record(event.id(), event.type(), clock.instant())) {
            return Result.DUPLICATE;
        }
        Result result = apply(event, payload, true);
        log.info("Stripe event {} {}: {}", event.type(), event.id(), result);
        return result;
    }

    private Result apply(StripeEnvelope event, String payload, boolean replayAfter) {
        return switch (event.type()) {
            case "checkout.session.completed" -> completed(event, payload, replayAfter);
            case "checkout.session.expired" -> failedCheckout(event, payload);
            case "payment_intent.payment_failed" -> failedPayment(event, payload);
            case "charge.refunded" -> refunded(event, payload);
            case "charge.dispute.created" -> disputeOpened(event, payload, replayAfter);
            case "charge.dispute.closed" -> disputeClosed(event, payload);
            case "invoice.paid" -> applied(subscriptions.invoicePaid(event.object()));
            case "invoice.payment_failed" -> applied(subscriptions.invoiceFailed(event.object()));
            case "customer.subscription.updated" -> applied(subscriptions.updated(event.object()));
            case "customer.subscription.deleted" -> applied(subscriptions.deleted(event.object()));
            default -> Result.IGNORED;
        };
    }

    private static Result applied(boolean changed) {
        return changed ? Result.APPLIED : Result.IGNORED;
    }

    private Result completed(StripeEnvelope event, String payload, boolean replayAfter) {
        if ("subscription".equals(event.text("mode"))) {
            return applied(subscriptions.checkoutCompleted(event.object()));
        }
        UUID orderId = orderId(event);
        if (orderId == null) {
            return Result.IGNORED;
        }
        String paymentStatus = event.text("payment_status");
        if (!"paid".equals(paymentStatus) && !"no_payment_required".equals(paymentStatus)) {
            // delayed payment methods complete the session before the money arrives; we sell on money only
            return Result.IGNORED;
        }
        Optional<Order> found = orders.lock(orderId);
        if (found.isEmpty()) {
            return park(event, payload, orderId, event.text("payment_intent"));
        }
        Order order = found.get();
        if (!order.awaitingPayment()) {
            return Result.IGNORED;
        }
        Instant now = clock.instant();
        String intentId = event.text("payment_intent");
        List<UUID> ownedElsewhere = orders.owned(order.buyerId(), order.courseIds(), order.id());
        if (!ownedElsewhere.isEmpty()) {
            // two open checkouts of the same course were both paid: sell nothing, give the money back
            Order duplicate = order.paidTwice(intentId, now);
            orders.update(duplicate);
            refundService.refundDuplicate(duplicate, now);
            log.warn("order {} paid for courses {} the buyer already owns: refunding it", order.id(), ownedElsewhere);
            if (replayAfter) {
                replayParked(duplicate);
            }
            return Result.APPLIED;
        }
        Order paid = order.paid(intentId, line -> earnings.split(line.paidAmount()).fee(), now);
        orders.update(paid);
        earnings.recordSale(paid, now);
        UUID invoiceId = invoices.issue(paid, now);
        events.publish(new CoursePurchased(paid.id(), paid.buyerId(), OrderEvents.lines(paid), paid.bundleId(), paid.paid(),
                paid.discount(), paid.couponId(), paid.couponCode(), paid.referralCode(), paid.affiliateCode(),
                invoiceId, event.created(), now));
        if (replayAfter) {
            replayParked(paid);
        }
        return Result.APPLIED;
    }

    private Result failedCheckout(StripeEnvelope event, String payload) {
        UUID orderId = orderId(event);
        if (orderId == null) {
            return Result.IGNORED;
        }
        Optional<Order> found = orders.lock(orderId);
        if (found.isEmpty()) {
            return park(event, payload, orderId, null);
        }
        Order order = found.get();
        if (order.status() != OrderStatus.PENDING && order.status() != OrderStatus.FAILED) {
            return Result.IGNORED;
        }
        return fail(order, OrderStatus.EXPIRED, null, "checkout_expired", "The checkout expired unpaid.");
    }

    private Result failedPayment(StripeEnvelope event, String payload) {
        UUID orderId = orderId(event);
        String intentId = event.text("id");
        Optional<Order> found = orderId != null ? orders.lock(orderId) : orders.lockByPaymentIntent(intentId);
        if (found.isEmpty()) {
            return orderId == null ? Result.IGNORED : park(event, payload, orderId, intentId);
        }
        Order order = found.get();
        if (order.status() != OrderStatus.PENDING && order.status() != OrderStatus.FAILED) {
            return Result.IGNORED;
        }
        JsonNode error = event.object().path("last_payment_error");
        String code = error.path("code").asString("payment_failed");
        String message = error.path("message").isMissingNode() ? null : error.path("message").asString();
        return fail(order, OrderStatus.FAILED, intentId, code, message);
    }

    private Result fail(Order order, OrderStatus failure, String intentId, String code, String message) {
        Instant now = clock.instant();
        Order failed = order.failed(failure, intentId, now);
        orders.update(failed);
        events.publish(new PaymentFailed(failed.id(), failed.buyerId(), failed.courseIds(), failed.paid(),
                code, message, now));
        return Result.APPLIED;
    }

    private Result refunded(StripeEnvelope event, String payload) {
        String intentId = event.text("payment_intent");
        Optional<Order> found = intentId == null ? Optional.empty() : orders.lockByPaymentIntent(intentId);
        if (found.isEmpty() || !found.get().status().settled() && found.get().status() != OrderStatus.REFUNDED) {
            // Stripe may deliver the refund before the completed checkout that tells us which order it is
            return park(event, payload, found.map(Order::id).orElse(null), intentId);
        }
        Order order = found.get();
        long totalRefunded = Math.min(event.amount("amount_refunded"), order.paidAmount());
        if (totalRefunded <= order.refundedAmount()) {
            return Result.IGNORED;   // an older charge.refunded than one already applied
        }
        Instant now = clock.instant();
        long before = order.refundedAmount();
        Order after = order.refundedUpTo(totalRefunded, now);
        orders.update(after);
        earnings.reverse(order, after, EarningEntry.REFUND, now);
        long amount = totalRefunded - before;
        RefundRepository.RefundRow refund = ownRefund(event, order, amount, now);
        boolean full = after.status() == OrderStatus.REFUNDED;
        // access ends only with a full refund, and never for a duplicate payment: the course is held elsewhere
        List<UUID> courses = full && order.status() != OrderStatus.DUPLICATE ? after.courseIds() : List.of();
        events.publish(new PaymentRefunded(after.id(), after.buyerId(), refund.id(),
                Money.of(amount, after.currency()), courses, full, refund.reason(), refund.actorId(), now));
        return Result.APPLIED;
    }

    /**
     * The refund row this charge.refunded confirms: the one we asked for (matched by our id in the refund's
     * metadata, or by Stripe's id), else a new row for a refund made in Stripe's dashboard.
     */
    private RefundRepository.RefundRow ownRefund(StripeEnvelope event, Order order, long amount, Instant now) {
        JsonNode latest = event.object().path("refunds").path("data").path(0);
        String stripeRefundId = latest.path("id").isMissingNode() ? null : latest.path("id").asString();
        Optional<RefundRepository.RefundRow> ours = Optional.empty();
        JsonNode refundId = latest.path("metadata").path("refundId");
        if (!refundId.isMissingNode()) {
            ours = parseUuid(refundId.asString()).flatMap(refunds::find)
                    .filter(row -> row.orderId().equals(order.id()));
        }
        if (ours.isEmpty() && stripeRefundId != null) {
            ours = refunds.findByStripeId(stripeRefundId);
        }
        if (ours.isEmpty()) {
            ours = refunds.findRequested(order.id());
        }
        RefundRepository.RefundRow row = ours.orElseGet(() -> {
            RefundRepository.RefundRow created = new RefundRepository.RefundRow(UUID.randomUUID(), order.id(),
                    stripeRefundId, amount, order.currency(), null, null, RefundRepository.REQUESTED, now);
            refunds.insert(created);
            return created;
        });
        refunds.confirm(row.id(), stripeRefundId, amount, now);
        return row;
    }

    private Result disputeOpened(StripeEnvelope event, String payload, boolean replayAfter) {
        String intentId = event.text("payment_intent");
        Optional<Order> found = intentId == null ? Optional.empty() : orders.lockByPaymentIntent(intentId);
        if (found.isEmpty() || !found.get().status().settled()) {
            return park(event, payload, found.map(Order::id).orElse(null), intentId);
        }
        if (disputes.findByStripeId(event.text("id")).isPresent()) {
            return Result.IGNORED;
        }
        Order order = found.get();
        Instant now = clock.instant();
        Money amount = Money.of(event.amount("amount"), order.currency());
        UUID disputeId = UUID.randomUUID();
        disputes.insert(new DisputeRepository.DisputeRow(disputeId, order.id(), event.text("id"), amount.amount(),
                order.currency(), "OPEN"), event.text("reason"), now);
        Order disputed = order.disputed(now);
        orders.update(disputed);
        events.publish(new PaymentDisputed(order.id(), order.buyerId(), disputeId, amount, order.courseIds(),
                event.text("reason"), now));
        if (replayAfter) {
            replayParked(disputed);
        }
        return Result.APPLIED;
    }

    private Result disputeClosed(StripeEnvelope event, String payload) {
        Optional<DisputeRepository.DisputeRow> dispute = disputes.findByStripeId(event.text("id"));
        if (dispute.isEmpty()) {
            return park(event, payload, null, event.text("payment_intent"));
        }
        if (!"OPEN".equals(dispute.get().status())) {
            return Result.IGNORED;
        }
        Order order = orders.lock(dispute.get().orderId()).orElseThrow();
        // Stripe's "won" and "warning_closed" leave the money with us; only "lost" takes it
        boolean won = !"lost".equals(event.text("status"));
        Instant now = clock.instant();
        disputes.close(dispute.get().id(), won ? "WON" : "LOST", now);
        Order closed = order.disputeClosed(won, now);
        orders.update(closed);
        if (!won) {
            earnings.reverseRest(closed, EarningEntry.DISPUTE_LOST, now);
        }
        events.publish(new DisputeClosed(order.id(), order.buyerId(), dispute.get().id(),
                won ? DisputeOutcome.WON : DisputeOutcome.LOST,
                Money.of(dispute.get().amount(), dispute.get().currency()), order.courseIds(), now));
        return Result.APPLIED;
    }

    private Result park(StripeEnvelope event, String payload, UUID orderId, String intentId) {
        if (orderId == null && intentId == null) {
            return Result.IGNORED;   // nothing could ever match it
        }
        stripeEvents.park(event.id(), event.type(), orderId, intentId, payload, clock.instant());
        return Result.PARKED;
    }

    /** Applies what was waiting for this order, now that it can be placed; anything still early parks again. */
    private void replayParked(Order order) {
        for (StripeEventRepository.Parked parked : stripeEvents.takeParked(order.id(), order.paymentIntentId())) {
            Result result = apply(read(parked.payload()), parked.payload(), false);
            log.info("parked Stripe event {} {}: {}", parked.type(), parked.eventId(), result);
        }
    }

    private StripeEnvelope read(String payload) {
        JsonNode root = json.readTree(payload);
        return new StripeEnvelope(root.path("id").asString(), root.path("type").asString(),
                Instant.ofEpochSecond(root.path("created").asLong()), root.path("data").path("object"));
    }

    private static UUID orderId(StripeEnvelope event) {
        String fromMetadata = event.metadata("orderId");
        return parseUuid(fromMetadata != null ? fromMetadata : event.text("client_reference_id")).orElse(null);
    }

    private static Optional<UUID> parseUuid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
