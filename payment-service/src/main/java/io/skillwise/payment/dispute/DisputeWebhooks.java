package io.skillwise.payment.dispute;

import com.stripe.model.Dispute;
import io.skillwise.events.common.Money;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.DisputeOutcome;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.ReversedLine;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.payment.earnings.EarningEntry;
import io.skillwise.payment.earnings.EarningsService;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderService;
import io.skillwise.payment.provider.WebhookOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chargebacks, as Stripe reports them: a dispute opens on a paid order and closes won (the money stays) or lost (it
 * is gone, and so are the instructors' earnings from it). Stripe's dispute ids stay here; events carry ours.
 * Applied in the webhook's transaction.
 */
@Service
public class DisputeWebhooks {

    private static final String OPEN = "OPEN";

    private final OrderService orders;
    private final DisputeRepository disputes;
    private final EarningsService earnings;
    private final EventPublisher events;
    private final Clock clock;

    DisputeWebhooks(OrderService orders, DisputeRepository disputes, EarningsService earnings, EventPublisher events,
                    Clock clock) {
        this.orders = orders;
        this.disputes = disputes;
        this.earnings = earnings;
        this.events = events;
        this.clock = clock;
    }

    /** {@code charge.dispute.created}: the order is {@code DISPUTED} while the bank decides. */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome opened(Dispute dispute) {
        String intentId = dispute.getPaymentIntent();
        Optional<Order> found = intentId == null ? Optional.empty() : orders.lockByPaymentIntent(intentId);
        if (found.isEmpty() || !found.get().status().settled()) {
            // a dispute can only follow a payment: wait for its completed checkout
            return WebhookOutcome.notYet(found.map(Order::id).orElse(null), intentId);
        }
        if (disputes.findByStripeId(dispute.getId()).isPresent()) {
            return WebhookOutcome.ignored();
        }
        Order order = found.get();
        Instant now = clock.instant();
        Money amount = Money.of(dispute.getAmount() == null ? 0 : dispute.getAmount(), order.currency());
        UUID disputeId = UUID.randomUUID();
        disputes.insert(new DisputeRepository.DisputeRow(disputeId, order.id(), dispute.getId(), amount.amount(),
                order.currency(), OPEN), dispute.getReason(), now);
        Order disputed = order.disputed(now);
        orders.save(disputed);
        events.publish(new PaymentDisputed(order.id(), order.buyerId(), disputeId, amount, order.courseIds(),
                dispute.getReason(), now));
        // a closing delivered before the opening was parked under the payment intent
        return WebhookOutcome.placed(disputed.id(), disputed.paymentIntentId());
    }

    /** {@code charge.dispute.closed}: {@code won} and {@code warning_closed} restore the order, {@code lost} ends it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome closed(Dispute dispute) {
        Optional<DisputeRepository.DisputeRow> opened = disputes.findByStripeId(dispute.getId());
        if (opened.isEmpty()) {
            return WebhookOutcome.notYet(null, dispute.getPaymentIntent());
        }
        DisputeRepository.DisputeRow row = opened.get();
        if (!OPEN.equals(row.status())) {
            return WebhookOutcome.ignored();
        }
        Order order = orders.lock(row.orderId()).orElseThrow();
        boolean won = !"lost".equals(dispute.getStatus());
        Instant now = clock.instant();
        disputes.close(row.id(), won ? "WON" : "LOST", now);
        Order closed = order.disputeClosed(won, now);
        orders.save(closed);
        List<ReversedLine> lost = won ? List.of() : earnings.reverseRest(closed, EarningEntry.DISPUTE_LOST, now);
        events.publish(new DisputeClosed(order.id(), order.buyerId(), row.id(),
                won ? DisputeOutcome.WON : DisputeOutcome.LOST, Money.of(row.amount(), row.currency()),
                order.courseIds(), lost, now));
        return WebhookOutcome.applied();
    }
}
