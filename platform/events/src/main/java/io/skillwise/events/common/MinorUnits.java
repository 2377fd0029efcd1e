package io.skillwise.events.common;

/**
 * The integer arithmetic by which payment-service splits money, published beside the events so that consumers who
 * must re-derive a split (an old event without the per-line figures) apply exactly the same rule.
 *
 * <ul>
 *   <li>{@link #proportional}: an amount over parts by weight, largest remainder, ties to the earlier part. The parts
 *       add up to the amount exactly, and no part gets more than its weight when the amount does not exceed the sum
 *       of the weights.</li>
 *   <li>{@link #prorated}: the part of a whole that a share of its base reaches, rounded half up. Computed from
 *       running totals ({@code prorated(after) - prorated(before)}), any sequence of shares adds up to the whole.</li>
 * </ul>
 */
public final class MinorUnits {

    private MinorUnits() {
    }

    /** Splits {@code amount} over {@code weights} by largest remainder; zero amount gives zero parts. */
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
            // multiplyExact fails loudly rather than wrap: minor-unit amounts times weights stay far below 2^63
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

    /** {@code round(whole * part / base)}, half up; 0 when the base is 0. */
    public static long prorated(long whole, long base, long part) {
        if (base == 0) {
            return 0;
        }
        return Math.floorDiv(Math.multiplyExact(whole, part) + base / 2, base);
    }
}
