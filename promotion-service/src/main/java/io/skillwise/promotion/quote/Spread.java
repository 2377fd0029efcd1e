package io.skillwise.promotion.quote;

import io.skillwise.events.common.MinorUnits;
import java.util.Arrays;

/**
 * Splits an amount over lines in proportion to their weights with the largest-remainder method, so the parts are
 * whole minor units that add up exactly to the amount (ADR 0006 point 4). Ties go to the earlier line. The
 * arithmetic is payment's, published beside the events ({@link MinorUnits}), so a bundle's lines are priced by the
 * same rule that later spreads its refunds.
 */
public final class Spread {

    private Spread() {
    }

    /**
     * @param amount  what to split, zero or more and at most the sum of the weights
     * @param weights the lines' prices, zero or more each
     * @return one part per line, each at most its weight, summing to {@code amount}
     */
    public static long[] proportionally(long amount, long[] weights) {
        long total = Arrays.stream(weights).sum();
        if (amount < 0 || amount > total) {
            throw new IllegalArgumentException("cannot spread " + amount + " over weights summing to " + total);
        }
        return MinorUnits.proportional(amount, weights);
    }
}
