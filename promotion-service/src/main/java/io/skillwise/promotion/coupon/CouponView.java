package io.skillwise.promotion.coupon;

import io.skillwise.events.common.Money;
import io.skillwise.promotion.coupon.Coupon.CouponKind;
import io.skillwise.promotion.coupon.Coupon.CouponScope;
import io.skillwise.promotion.coupon.Coupon.CouponStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A coupon as its owner and admins see it. */
public record CouponView(UUID id, String code, CouponKind kind, Integer percentOff, Money amountOff, CouponScope scope,
                         List<UUID> courseIds, UUID ownerId, Instant startsAt, Instant endsAt, Integer totalLimit,
                         Integer perUserLimit, Money minimumPrice, boolean firstPurchaseOnly, CouponStatus status,
                         UUID campaignId, int redemptions, Instant createdAt, Instant updatedAt) {

    static CouponView of(Coupon coupon) {
        return new CouponView(coupon.id(), coupon.code(), coupon.kind(), coupon.percentOff(),
                coupon.amountOff() == null ? null : Money.of(coupon.amountOff(), coupon.currency()), coupon.scope(),
                coupon.courseIds(), coupon.ownerId(), coupon.startsAt(), coupon.endsAt(), coupon.totalLimit(),
                coupon.perUserLimit(),
                coupon.minimumPrice() == null ? null : Money.of(coupon.minimumPrice(), coupon.currency()),
                coupon.firstPurchaseOnly(), coupon.status(), coupon.campaignId(), coupon.redemptions(),
                coupon.createdAt(), coupon.updatedAt());
    }
}
