package io.skillwise.promotion.quote;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits an amount over lines in proportion to their weights with the largest-remainder method, so the parts are
 * whole minor units that add up exactly to the amount (ADR 0006 point 4). Ties go to the earlier line.
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
        long[] parts = new long[weights.length];
        if (amount == 0) {
            return parts;
        }
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            // exact integer arithmetic: amount * weight fits comfortably for money in minor units
            long product = Math.multiplyExact(amount, weights[i]);
            parts[i] = product / total;
            remainders[i] = product % total;
            given += parts[i];
        }
        int[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> remainders[i]).reversed()
                        .thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        for (int k = 0; given < amount; k++) {
            parts[order[k]]++;
            given++;
        }
        return parts;
    }
}
