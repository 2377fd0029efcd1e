package io.skillwise.promotion.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The lines of one quote as discounts are taken off them, in the order of ADR 0006 point 4. Every step records what
 * it took and why, and nothing can take a line below zero.
 */
final class PriceSheet {

    enum AppliedKind { SALE, BUNDLE, COUPON, REFERRAL }

    enum RejectedKind { COUPON, REFERRAL }

    record Line(UUID courseId, UUID instructorId, String title, long price) {
    }

    record Applied(AppliedKind kind, String code, long amount, String description) {
    }

    record Rejected(RejectedKind kind, String code, String reason, String message) {
    }

    private final String currency;
    private final List<Line> lines;
    private final long[] current;
    private final List<Applied> applied = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();

    PriceSheet(String currency, List<Line> lines) {
        this.currency = currency;
        this.lines = List.copyOf(lines);
        this.current = lines.stream().mapToLong(Line::price).toArray();
    }

    String currency() {
        return currency;
    }

    List<Line> lines() {
        return lines;
    }

    long current(int line) {
        return current[line];
    }

    long listTotal() {
        return lines.stream().mapToLong(Line::price).sum();
    }

    long currentTotal() {
        long sum = 0;
        for (long amount : current) {
            sum += amount;
        }
        return sum;
    }

    long discount(int line) {
        return lines.get(line).price() - current[line];
    }

    /** A sale price replaces the line's price when it is lower. */
    void sale(int line, long salePrice, String description) {
        if (salePrice < current[line]) {
            long amount = current[line] - salePrice;
            current[line] = salePrice;
            applied.add(new Applied(AppliedKind.SALE, null, amount, description));
        }
    }

    /**
     * The bundle price replaces the sum of its lines; the difference is spread over the lines by their prices so
     * far. A bundle never costs more than its courses at their current prices.
     */
    void bundle(long bundlePrice, String description) {
        long total = currentTotal();
        long amount = total - Math.min(bundlePrice, total);
        take(allLines(), Spread.proportionally(amount, current.clone()), AppliedKind.BUNDLE, null, description);
    }

    /** Takes the given amounts off the given lines (each capped at what is left of it). */
    long take(int[] onLines, long[] amounts, AppliedKind kind, String code, String description) {
        long taken = 0;
        for (int k = 0; k < onLines.length; k++) {
            long amount = Math.min(amounts[k], current[onLines[k]]);
            current[onLines[k]] -= amount;
            taken += amount;
        }
        if (taken > 0 || kind == AppliedKind.COUPON || kind == AppliedKind.REFERRAL) {
            applied.add(new Applied(kind, code, taken, description));
        }
        return taken;
    }

    void reject(RejectedKind kind, String code, String reason, String message) {
        rejected.add(new Rejected(kind, code, reason, message));
    }

    int[] allLines() {
        int[] all = new int[lines.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    List<Applied> applied() {
        return List.copyOf(applied);
    }

    List<Rejected> rejected() {
        return List.copyOf(rejected);
    }
}
