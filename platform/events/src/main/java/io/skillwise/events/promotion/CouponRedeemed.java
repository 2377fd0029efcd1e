package io.skillwise.events.promotion;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A coupon was used in a paid order. Recorded from {@code CoursePurchased}, not at quote time, so abandoned
 * checkouts use up nothing. Key: coupon id, so one coupon's redemptions stay in order.
 *
 * @param redemptionId the redemption
 * @param couponId     the coupon
 * @param code         the coupon code, upper case
 * @param ownerId      the instructor whose coupon it is; absent for a platform-wide coupon
 * @param campaignId   the campaign the coupon belongs to; absent when none
 * @param orderId      the paid order
 * @param buyerId      who used it
 * @param courseIds    the courses it was applied to
 * @param discount     the total discount it gave in the order
 * @param occurredAt   when the redemption was recorded
 */
public record CouponRedeemed(
        UUID redemptionId,
        UUID couponId,
        String code,
        UUID ownerId,
        UUID campaignId,
        UUID orderId,
        UUID buyerId,
        List<UUID> courseIds,
        Money discount,
        Instant occurredAt) implements PromotionEvent {

    public CouponRedeemed {
        requireNonNull(redemptionId, "redemptionId");
        requireNonNull(couponId, "couponId");
        requireNonNull(code, "code");
        requireNonNull(orderId, "orderId");
        requireNonNull(buyerId, "buyerId");
        courseIds = List.copyOf(requireNonNull(courseIds, "courseIds"));
        requireNonNull(discount, "discount");
        requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return couponId.toString();
    }
}
