package io.skillwise.payment.earnings;

import io.skillwise.events.common.Money;
import io.skillwise.events.payment.ReversedLine;
import io.skillwise.events.payment.RevenueShareLine;
import io.skillwise.events.payment.SubscriptionRevenueShared;
import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The instructor earnings ledger, written in the same transaction as the order change it follows. */
@Service
public class EarningsService {

    private static final Logger log = LoggerFactory.getLogger(EarningsService.class);

    private final EarningsRepository entries;
    private final OrderService orders;
    private final EarningsProperties properties;

    public EarningsService(EarningsRepository entries, OrderService orders, EarningsProperties properties) {
        this.entries = entries;
        this.orders = orders;
        this.properties = properties;
    }

    /** The split under the revenue share in force now; stored on each line so later reversals use the same one. */
    public FeeSplit split(long paid) {
        return FeeSplit.sale(paid, properties.platformFeeBasisPoints());
    }

    /** One {@code SALE} entry per line of a paid order, with the fee fixed on that line. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSale(Order order, Instant at) {
        for (Order.Line line : order.lines()) {
            long fee = line.platformFeeAmount();
            entries.insert(new EarningEntry(UUID.randomUUID(), line.instructorId(), order.id(), line.courseId(),
                    EarningEntry.SALE, line.paidAmount(), fee, 0, line.paidAmount() - fee, order.currency(), null,
                    at));
        }
    }

    /**
     * Reverses, line by line, what was refunded between two states of the order (refunds, or a lost dispute taking
     * the rest). Each line's reversal comes from its running refunded total, so the fee and net of any sequence of
     * partial refunds add up to the sale's exactly.
     *
     * @return what each line gave back, as the ledger reversed it (the {@code lines} of the event that follows)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ReversedLine> reverse(Order before, Order after, String kind, Instant at) {
        List<ReversedLine> reversed = new ArrayList<>();
        for (int i = 0; i < after.lines().size(); i++) {
            reverseLine(after, after.lines().get(i), before.lines().get(i).refundedAmount(),
                    after.lines().get(i).refundedAmount(), kind, at, reversed);
        }
        return reversed;
    }

    /**
     * Reverses whatever each line still holds (a lost dispute takes all that was not refunded).
     *
     * @return what each line lost, as the ledger reversed it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ReversedLine> reverseRest(Order order, String kind, Instant at) {
        List<ReversedLine> reversed = new ArrayList<>();
        for (Order.Line line : order.lines()) {
            reverseLine(order, line, line.refundedAmount(), line.paidAmount(), kind, at, reversed);
        }
        return reversed;
    }

    private void reverseLine(Order order, Order.Line line, long before, long after, String kind, Instant at,
                             List<ReversedLine> reversed) {
        if (line.platformFeeAmount() == null || after <= before) {
            return;
        }
        FeeSplit sale = new FeeSplit(line.paidAmount(), line.platformFeeAmount(),
                line.paidAmount() - line.platformFeeAmount());
        FeeSplit back = FeeSplit.reversal(sale, before, after);
        entries.insert(new EarningEntry(UUID.randomUUID(), line.instructorId(), order.id(), line.courseId(), kind,
                -back.gross(), -back.fee(), 0, -back.net(), order.currency(), null, at));
        reversed.add(new ReversedLine(line.courseId(), line.instructorId(), Money.of(back.gross(), order.currency()),
                Money.of(back.fee(), order.currency())));
    }

    /**
     * An affiliate earned a commission on one line of a paid order: the instructor pays it, so it comes off their
     * net for that line (gross and platform fee are unchanged). Recorded once per commission.
     */
    @Transactional
    public void commissionEarned(AffiliateCommissionEarned earned) {
        if (!lineExists(earned.orderId(), earned.courseId(), earned.instructorId())) {
            log.warn("commission {} names order {} course {} that this service did not sell; ignored",
                    earned.commissionId(), earned.orderId(), earned.courseId());
            return;
        }
        long amount = earned.commission().amount();
        entries.insertOnce(new EarningEntry(UUID.randomUUID(), earned.instructorId(), earned.orderId(),
                earned.courseId(), EarningEntry.COMMISSION, 0, 0, amount, -amount, earned.commission().currency(),
                earned.commissionId(), earned.occurredAt()));
    }

    /** A commission taken back (refund, lost dispute): the instructor gets exactly the recorded amount back. */
    @Transactional
    public void commissionReversed(AffiliateCommissionReversed reversed) {
        Optional<EarningEntry> earned = entries.findCommission(reversed.commissionId(), EarningEntry.COMMISSION);
        if (earned.isEmpty()) {
            log.warn("reversal of unknown commission {} ignored", reversed.commissionId());
            return;
        }
        EarningEntry original = earned.get();
        entries.insertOnce(new EarningEntry(UUID.randomUUID(), original.instructorId(), original.orderId(),
                original.courseId(), EarningEntry.COMMISSION_REVERSED, 0, 0, -original.commissionAmount(),
                original.commissionAmount(), original.currency(), original.commissionId(), reversed.occurredAt()));
    }

    /**
     * One {@code SUBSCRIPTION_SHARE} entry per course of an instructor's monthly share, dated at the start of the
     * month, in the transaction that closes the month.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSubscriptionShare(SubscriptionRevenueShared share) {
        for (RevenueShareLine line : share.lines()) {
            long gross = line.gross().amount();
            long fee = line.platformFee().amount();
            entries.insert(new EarningEntry(UUID.randomUUID(), share.instructorId(), null, line.courseId(),
                    EarningEntry.SUBSCRIPTION_SHARE, gross, fee, 0, gross - fee, line.gross().currency(), null,
                    share.periodStart(), share.shareId()));
        }
    }

    /** Every instructor's subscription share entries of the month starting at {@code monthStart}. */
    @Transactional(readOnly = true)
    public List<EarningEntry> subscriptionShares(Instant monthStart) {
        return entries.subscriptionShares(monthStart);
    }

    private boolean lineExists(UUID orderId, UUID courseId, UUID instructorId) {
        return orders.find(orderId).map(order -> order.lines().stream().anyMatch(line ->
                line.courseId().equals(courseId) && line.instructorId().equals(instructorId))).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<EarningEntry> ledger(UUID instructorId, UUID courseId, Instant from, Instant to) {
        return entries.byInstructor(instructorId, courseId, from, to);
    }
}
