package io.skillwise.promotion.coupon;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A code that takes a percentage or a fixed amount off the courses in its scope.
 *
 * @param ownerId       the instructor whose coupon it is; absent for a platform-wide coupon
 * @param percentOff    1..100 for {@code PERCENT}
 * @param amountOff     minor units of {@code currency} for {@code FIXED}
 * @param currency      the currency of {@code amountOff} and {@code minimumPrice}
 * @param courseIds     the courses of a {@code COURSES} coupon; empty otherwise
 * @param campaignOpen  false while the coupon's campaign has not started or has ended: its offers apply only then
 * @param redemptions   paid orders that used it
 */
public record Coupon(UUID id, String code, UUID ownerId, UUID createdBy, CouponKind kind, Integer percentOff,
                     Long amountOff, String currency, CouponScope scope, List<UUID> courseIds, Instant startsAt,
                     Instant endsAt, Integer totalLimit, Integer perUserLimit, Long minimumPrice,
                     boolean firstPurchaseOnly, CouponStatus status, UUID campaignId, boolean campaignOpen,
                     int redemptions, Instant createdAt, Instant updatedAt) {

    public enum CouponKind { PERCENT, FIXED }

    public enum CouponScope { COURSES, INSTRUCTOR, PLATFORM }

    public enum CouponStatus { ACTIVE, PAUSED }

    public Coupon {
        courseIds = List.copyOf(courseIds);
    }

    /**
     * Whether anyone could use the code now. Unknown, paused, not yet valid, expired and exhausted codes all look
     * the same from outside (ADR 0006 point 7), so this is one answer.
     */
    public boolean usableAt(Instant now) {
        return status == CouponStatus.ACTIVE && campaignOpen
                && (startsAt == null || !now.isBefore(startsAt))
                && (endsAt == null || now.isBefore(endsAt))
                && (totalLimit == null || redemptions < totalLimit);
    }

    /** Whether the coupon applies to a course of this instructor in this currency. */
    public boolean covers(UUID courseId, UUID instructorId, String lineCurrency) {
        if (currency != null && !currency.equals(lineCurrency)) {
            return false;
        }
        return switch (scope) {
            case COURSES -> courseIds.contains(courseId);
            case INSTRUCTOR -> instructorId.equals(ownerId);
            case PLATFORM -> true;
        };
    }

    /** The discount on each scoped line: a percentage rounded down per line, or the fixed amount spread. */
    public long[] discounts(long[] scopedPrices, java.util.function.BiFunction<Long, long[], long[]> spread) {
        if (kind == CouponKind.PERCENT) {
            long[] parts = new long[scopedPrices.length];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = Math.multiplyExact(scopedPrices[i], percentOff) / 100;
            }
            return parts;
        }
        long total = java.util.Arrays.stream(scopedPrices).sum();
        return spread.apply(Math.min(amountOff, total), scopedPrices);
    }
}
