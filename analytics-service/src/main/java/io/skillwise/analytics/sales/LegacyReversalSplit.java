package io.skillwise.analytics.sales;

import io.skillwise.events.common.MinorUnits;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a refund or a lost dispute over an order's lines when its event predates {@code lines}, by the rule
 * payment-service documents and applies (docs/payments.md, Refunds and Earnings), with payment's own arithmetic
 * ({@link MinorUnits}): a partial amount is spread over the lines in proportion to what each still holds, by largest
 * remainder; the whole order takes what each line still holds; each line gives back the part of its fee that its
 * running refunded total reaches, so any sequence of refunds gives back exactly the fee. Events
 * published since {@code PaymentRefunded.lines} existed carry the split and never come here.
 */
final class LegacyReversalSplit {

    /**
     * A line of the order as it stands before the reversal.
     *
     * @param refunded    what earlier refunds took back from it
     * @param feeReturned the part of its fee those gave back
     */
    record Line(int lineNo, long paid, long fee, long refunded, long feeReturned) {
    }

    /** What the reversal takes from one line. */
    record Part(int lineNo, long amount, long fee) {
    }

    private LegacyReversalSplit() {
    }

    /** @param amount what went back; ignored when {@code whole} (everything the lines still hold goes) */
    static List<Part> split(List<Line> lines, long amount, boolean whole) {
        long[] holding = lines.stream().mapToLong(line -> line.paid() - line.refunded()).toArray();
        long[] amounts = whole ? holding
                : MinorUnits.proportional(Math.max(0, Math.min(amount, sum(holding))), holding);
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (amounts[i] == 0) {
                continue;
            }
            long feeAfter = MinorUnits.prorated(line.fee(), line.paid(), line.refunded() + amounts[i]);
            long feeBefore = MinorUnits.prorated(line.fee(), line.paid(), line.refunded());
            parts.add(new Part(line.lineNo(), amounts[i], feeAfter - feeBefore));
        }
        return parts;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total = Math.addExact(total, value);
        }
        return total;
    }
}
