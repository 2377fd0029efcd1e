package io.skillwise.payment.earnings;

import io.skillwise.events.common.MinorUnits;

/**
 * Integer arithmetic of the revenue share, in minor units. Reversals are computed from running totals, never from
 * each refund alone, so however a payment is refunded in parts, the reversed fee adds up to the original fee to the
 * cent.
 *
 * @param gross what the buyer paid (or, for a reversal, what went back)
 * @param fee   the platform's part of {@code gross}
 * @param net   the instructor's part: {@code gross - fee}
 */
public record FeeSplit(long gross, long fee, long net) {

    public FeeSplit {
        if (gross < 0 || fee < 0 || fee > gross || net != gross - fee) {
            throw new IllegalArgumentException("inconsistent split " + gross + " = " + fee + " + " + net);
        }
    }

    /** The split of a sale at the given share in basis points (1/100 %), rounding half up. */
    public static FeeSplit sale(long paid, int feeBasisPoints) {
        if (feeBasisPoints < 0 || feeBasisPoints > 10_000) {
            throw new IllegalArgumentException("platform fee must be 0..10000 basis points, was " + feeBasisPoints);
        }
        long fee = Math.floorDiv(Math.multiplyExact(paid, feeBasisPoints) + 5_000, 10_000);
        return new FeeSplit(paid, fee, paid - fee);
    }

    /**
     * What to reverse when the refunded total of a sale grows from {@code refundedBefore} to {@code refundedAfter}.
     */
    public static FeeSplit reversal(FeeSplit sale, long refundedBefore, long refundedAfter) {
        if (refundedBefore < 0 || refundedAfter < refundedBefore || refundedAfter > sale.gross()) {
            throw new IllegalArgumentException("refunded total cannot go from " + refundedBefore + " to "
                    + refundedAfter + " of " + sale.gross());
        }
        long fee = MinorUnits.prorated(sale.fee(), sale.gross(), refundedAfter)
                - MinorUnits.prorated(sale.fee(), sale.gross(), refundedBefore);
        long gross = refundedAfter - refundedBefore;
        return new FeeSplit(gross, fee, gross - fee);
    }
}
