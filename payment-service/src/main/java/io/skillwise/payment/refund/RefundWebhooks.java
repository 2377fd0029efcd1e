package io.skillwise.payment.refund;

import com.stripe.model.Charge;
import com.stripe.model.Refund;
import io.skillwise.events.common.Money;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.events.payment.ReversedLine;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.payment.earnings.EarningEntry;
import io.skillwise.payment.earnings.EarningsService;
import io.skillwise.payment.invoice.InvoiceService;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderMetrics;
import io.skillwise.payment.order.OrderService;
import io.skillwise.payment.order.OrderStatus;
import io.skillwise.payment.provider.ProviderMetadata;
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
 * {@code charge.refunded}: the provider confirms money given back, whether we asked for it or someone refunded in
 * Stripe's dashboard. Only here does an order become (partially) refunded, and its invoice get a credit note. Applied
 * in the webhook's transaction.
 */
@Service
public class RefundWebhooks {

    private final OrderService orders;
    private final RefundRepository refunds;
    private final EarningsService earnings;
    private final InvoiceService invoices;
    private final EventPublisher events;
    private final OrderMetrics metrics;
    private final Clock clock;

    RefundWebhooks(OrderService orders, RefundRepository refunds, EarningsService earnings, InvoiceService invoices,
                   EventPublisher events, OrderMetrics metrics, Clock clock) {
        this.orders = orders;
        this.refunds = refunds;
        this.earnings = earnings;
        this.invoices = invoices;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Applies Stripe's running total ({@code amount_refunded}) to the order: what is new is spread over its lines and
     * reversed in the earnings; an older {@code charge.refunded} than one already applied changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome refunded(Charge charge) {
        String intentId = charge.getPaymentIntent();
        Optional<Order> found = intentId == null ? Optional.empty() : orders.lockByPaymentIntent(intentId);
        if (found.isEmpty() || !found.get().status().settled() && found.get().status() != OrderStatus.REFUNDED) {
            // Stripe may deliver the refund before the completed checkout that tells us which order it is
            return WebhookOutcome.notYet(found.map(Order::id).orElse(null), intentId);
        }
        Order order = found.get();
        long totalRefunded = Math.min(charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded(),
                order.paidAmount());
        if (totalRefunded <= order.refundedAmount()) {
            return WebhookOutcome.ignored();   // an older charge.refunded than one already applied
        }
        Instant now = clock.instant();
        Order after = order.refundedUpTo(totalRefunded, now);
        orders.save(after);
        List<ReversedLine> lines = earnings.reverse(order, after, EarningEntry.REFUND, now);
        long amount = totalRefunded - order.refundedAmount();
        RefundRepository.RefundRow refund = confirm(charge, order, amount, now);
        invoices.issueCreditNote(new InvoiceService.Refunded(after, refund.id(), Money.of(amount, after.currency()),
                lines, refund.reason()), now);
        boolean full = after.status() == OrderStatus.REFUNDED;
        // access ends only with a full refund, and never for a duplicate payment: the course is held elsewhere
        List<UUID> courses = full && order.status() != OrderStatus.DUPLICATE ? after.courseIds() : List.of();
        events.publish(new PaymentRefunded(after.id(), after.buyerId(), refund.id(),
                Money.of(amount, after.currency()), courses, full, refund.reason(), refund.actorId(), lines, now));
        metrics.refunded(full);
        return WebhookOutcome.applied();
    }

    /**
     * The refund row this charge confirms: the one we asked for (our id in the refund's metadata, or Stripe's
     * refund id, or the order's open request), else a new row for a refund made in Stripe's dashboard.
     */
    private RefundRepository.RefundRow confirm(Charge charge, Order order, long amount, Instant now) {
        Refund latest = charge.getRefunds() == null || charge.getRefunds().getData() == null
                || charge.getRefunds().getData().isEmpty() ? null : charge.getRefunds().getData().getFirst();
        String stripeRefundId = latest == null ? null : latest.getId();
        Optional<RefundRepository.RefundRow> ours = latest == null ? Optional.empty()
                : ProviderMetadata.uuid(latest.getMetadata(), "refundId").flatMap(refunds::find)
                        .filter(row -> row.orderId().equals(order.id()));
        if (ours.isEmpty() && stripeRefundId != null) {
            ours = refunds.findByStripeId(stripeRefundId);
        }
        if (ours.isEmpty()) {
            ours = refunds.findOpen(order.id());
        }
        RefundRepository.RefundRow row = ours.orElseGet(() -> {
            RefundRepository.RefundRow dashboard = RefundRepository.RefundRow.confirmedElsewhere(order,
                    stripeRefundId, amount, now);
            refunds.insert(dashboard);
            return dashboard;
        });
        refunds.confirm(row.id(), stripeRefundId, amount, now);
        return row;
    }
}
