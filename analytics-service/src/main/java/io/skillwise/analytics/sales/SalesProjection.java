package io.skillwise.analytics.sales;

import static io.skillwise.analytics.projection.EventBatch.onePerKey;

import io.skillwise.analytics.projection.EventBatch;
import io.skillwise.analytics.projection.Projection;
import io.skillwise.events.payment.CheckoutStarted;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.DisputeOutcome;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.PaymentFailed;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.events.payment.RevenueShareLine;
import io.skillwise.events.payment.ReversedLine;
import io.skillwise.events.payment.SubscriptionActivated;
import io.skillwise.events.payment.SubscriptionEnded;
import io.skillwise.events.payment.SubscriptionRenewed;
import io.skillwise.events.payment.SubscriptionRevenueShared;
import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Money from {@code payment.order.v1}, {@code payment.subscription.v1} and the affiliate commissions of
 * {@code promotion.promotion.v1}: the earnings ledger row by row as payment writes it (sales per order line, refunds
 * and lost disputes per line as the events' {@code lines} say, commissions, subscription shares), rolled up per course
 * and day; the checkout funnel, disputes and subscription payments.
 *
 * <p>A refund, loss or commission needs its sale to know its stream (single sale or bundle); one that arrives first
 * waits in the ledger, counted nowhere, and is rolled up when the sale comes, so the order of arrival changes no
 * figure.
 */
@Component
class SalesProjection implements Projection {

    private final SalesRepository sales;

    SalesProjection(SalesRepository sales) {
        this.sales = sales;
    }

    @Override
    public void apply(EventBatch batch) {
        List<CoursePurchased> purchases = batch.events(CoursePurchased.class);
        sales.checkoutsStarted(onePerKey(batch.events(CheckoutStarted.class), CheckoutStarted::orderId,
                Comparator.comparing(CheckoutStarted::occurredAt).reversed()));
        sales.checkoutsPaid(onePerKey(purchases, CoursePurchased::orderId,
                Comparator.comparing(CoursePurchased::occurredAt).reversed()));
        sales.checkoutsFailed(onePerKey(batch.events(PaymentFailed.class), PaymentFailed::orderId,
                Comparator.comparing(PaymentFailed::occurredAt).reversed()));
        sales.disputesOpened(onePerKey(batch.events(PaymentDisputed.class), PaymentDisputed::disputeId,
                Comparator.comparing(PaymentDisputed::occurredAt).reversed()));
        sales.disputesClosed(onePerKey(batch.events(DisputeClosed.class), DisputeClosed::disputeId,
                Comparator.comparing(DisputeClosed::occurredAt)));
        sales.subscriptionPayments(subscriptionPayments(batch));
        sales.subscriptionsEnded(onePerKey(batch.events(SubscriptionEnded.class), SubscriptionEnded::subscriptionId,
                Comparator.comparing(SubscriptionEnded::occurredAt).reversed()));

        List<Earning> rows = new ArrayList<>();
        purchases.forEach(purchase -> rows.addAll(sales(purchase)));
        List<SalesRepository.Unsplit> unsplit = new ArrayList<>();
        for (PaymentRefunded refund : batch.events(PaymentRefunded.class)) {
            if (refund.lines() == null) {
                unsplit.add(new SalesRepository.Unsplit(refund.refundId(), Earning.REFUND, refund.orderId(),
                        refund.amount().amount(), refund.amount().currency(), refund.full(), refund.occurredAt()));
            } else {
                rows.addAll(reversals(Earning.REFUND, refund.refundId(), refund.orderId(), refund.lines(),
                        refund.occurredAt()));
            }
        }
        for (DisputeClosed closed : batch.events(DisputeClosed.class)) {
            if (closed.outcome() != DisputeOutcome.LOST) {
                continue;
            }
            if (closed.lines() == null) {
                unsplit.add(new SalesRepository.Unsplit(closed.disputeId(), Earning.DISPUTE_LOST, closed.orderId(),
                        closed.amount().amount(), closed.amount().currency(), true, closed.occurredAt()));
            } else {
                rows.addAll(reversals(Earning.DISPUTE_LOST, closed.disputeId(), closed.orderId(), closed.lines(),
                        closed.occurredAt()));
            }
        }
        batch.events(AffiliateCommissionEarned.class).forEach(earned -> rows.add(new Earning(Earning.COMMISSION,
                earned.commissionId(), earned.courseId(), earned.instructorId(), earned.orderId(), null, null, 0, 0,
                0, 0, earned.commission().amount(), -earned.commission().amount(), earned.commission().currency(),
                earned.occurredAt())));
        batch.events(AffiliateCommissionReversed.class).forEach(reversed -> rows.add(new Earning(
                Earning.COMMISSION_REVERSED, reversed.commissionId(), reversed.courseId(), reversed.instructorId(),
                reversed.orderId(), null, null, 0, 0, 0, 0, -reversed.commission().amount(),
                reversed.commission().amount(), reversed.commission().currency(), reversed.occurredAt())));
        batch.events(SubscriptionRevenueShared.class).forEach(share -> rows.addAll(shares(share)));

        sales.record(List.copyOf(onePerKey(rows, Earning::key, (a, b) -> 0)));
        sales.recordUnsplit(List.copyOf(onePerKey(unsplit, SalesRepository.Unsplit::sourceId, (a, b) -> 0)));

        // what waited for a sale of this batch, or arrived in this batch after its sale
        Set<UUID> orders = new HashSet<>();
        purchases.forEach(purchase -> orders.add(purchase.orderId()));
        rows.stream().filter(row -> row.stream() == null).forEach(row -> orders.add(row.orderId()));
        unsplit.forEach(reversal -> orders.add(reversal.orderId()));
        sales.splitWaiting(orders);
        sales.resolveWaiting(orders);
    }

    private static List<Earning> sales(CoursePurchased purchase) {
        String stream = purchase.bundleId() == null ? "SINGLE" : "BUNDLE";
        List<Earning> rows = new ArrayList<>();
        for (int i = 0; i < purchase.lines().size(); i++) {
            OrderLine line = purchase.lines().get(i);
            long fee = line.platformFee() == null ? 0 : line.platformFee().amount();
            rows.add(new Earning(Earning.SALE, purchase.orderId(), line.courseId(), line.instructorId(),
                    purchase.orderId(), i, stream, line.price().amount(), line.discount().amount(),
                    line.paid().amount(), fee, 0, line.paid().amount() - fee, line.paid().currency(),
                    purchase.occurredAt()));
        }
        return rows;
    }

    private static List<Earning> reversals(String kind, UUID sourceId, UUID orderId, List<ReversedLine> lines,
                                           Instant at) {
        return lines.stream().map(line -> new Earning(kind, sourceId, line.courseId(), line.instructorId(), orderId,
                null, null, 0, 0, -line.amount().amount(), -line.platformFee().amount(), 0,
                -(line.amount().amount() - line.platformFee().amount()), line.amount().currency(), at)).toList();
    }

    /** A month's share is dated at the start of the month it was earned in, as payment's ledger dates it. */
    private static List<Earning> shares(SubscriptionRevenueShared share) {
        List<Earning> rows = new ArrayList<>();
        for (RevenueShareLine line : share.lines()) {
            long gross = line.gross().amount();
            long fee = line.platformFee().amount();
            rows.add(new Earning(Earning.SUBSCRIPTION_SHARE, share.shareId(), line.courseId(), share.instructorId(),
                    null, null, "SUBSCRIPTION", 0, 0, gross, fee, 0, gross - fee, line.gross().currency(),
                    share.periodStart()));
        }
        return rows;
    }

    private static List<SalesRepository.SubscriptionPayment> subscriptionPayments(EventBatch batch) {
        List<SalesRepository.SubscriptionPayment> payments = new ArrayList<>();
        batch.events(SubscriptionActivated.class).forEach(e -> payments.add(new SalesRepository.SubscriptionPayment(
                e.subscriptionId(), e.currentPeriodStart(), e.subscriberId(), e.price().amount(), e.price().currency(),
                e.occurredAt(), true)));
        batch.events(SubscriptionRenewed.class).forEach(e -> payments.add(new SalesRepository.SubscriptionPayment(
                e.subscriptionId(), e.currentPeriodStart(), e.subscriberId(), e.amount().amount(),
                e.amount().currency(), e.occurredAt(), false)));
        return List.copyOf(onePerKey(payments, p -> p.subscriptionId() + "/" + p.periodStart(), (a, b) -> 0));
    }
}
