package io.skillwise.payment.earnings;

import io.skillwise.payment.order.Order;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The instructor earnings ledger, written in the same transaction as the order change it follows. */
@Service
public class EarningsService {

    private final EarningsRepository entries;
    private final EarningsProperties properties;

    public EarningsService(EarningsRepository entries, EarningsProperties properties) {
        this.entries = entries;
        this.properties = properties;
    }

    /** The split under the revenue share in force now; stored on the order so later reversals use the same one. */
    public FeeSplit split(long paid) {
        return FeeSplit.sale(paid, properties.platformFeeBasisPoints());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSale(Order order, FeeSplit split, Instant at) {
        entries.insert(new EarningEntry(UUID.randomUUID(), order.instructorId(), order.id(), order.courseId(),
                EarningEntry.SALE, split.gross(), split.fee(), split.net(), order.currency(), at));
    }

    /** Reverses the part of the sale between two refunded totals (refunds, or a lost dispute taking the rest). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reverse(Order order, String kind, long refundedBefore, long refundedAfter, Instant at) {
        if (order.platformFeeAmount() == null || refundedAfter <= refundedBefore) {
            return;
        }
        FeeSplit sale = new FeeSplit(order.paidAmount(), order.platformFeeAmount(),
                order.paidAmount() - order.platformFeeAmount());
        FeeSplit back = FeeSplit.reversal(sale, refundedBefore, refundedAfter);
        entries.insert(new EarningEntry(UUID.randomUUID(), order.instructorId(), order.id(), order.courseId(), kind,
                -back.gross(), -back.fee(), -back.net(), order.currency(), at));
    }

    @Transactional(readOnly = true)
    public List<EarningEntry> ledger(UUID instructorId, UUID courseId, Instant from, Instant to) {
        return entries.byInstructor(instructorId, courseId, from, to);
    }
}
