package io.skillwise.payment.order;

/**
 * Splits an amount of minor units over parts in proportion to their weights, by largest remainder: the parts
 * always add up to the amount exactly, and no part gets more than its weight when the amount does not exceed the
 * sum of the weights. Ties go to the earlier part, so the split is the same every time.
 */
public final class Allocation {

    private Allocation() {
    }

    public static long[] proportional(long amount, long[] weights) {
        long[] parts = new long[weights.length];
        long total = 0;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight " + weight);
            }
            total = Math.addExact(total, weight);
        }
        if (amount == 0) {
            return parts;
        }
        if (amount < 0 || total == 0) {
            throw new IllegalArgumentException("cannot spread " + amount + " over weights totalling " + total);
        }
        long given = 0;
        long[] remainders = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            // exact in 128 bits would be safer; minor-unit amounts times weights stay far below 2^63 here
            long product = Math.multiplyExact(amount, weights[i]);
            parts[i] = product / total;
            remainders[i] = product % total;
            given += parts[i];
        }
        for (long left = amount - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }
}
