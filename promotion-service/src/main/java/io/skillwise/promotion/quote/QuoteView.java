package io.skillwise.promotion.quote;

import io.skillwise.events.common.Money;

import java.util.List;
import java.util.UUID;

/**
 * The answer of a quote, exactly as ADR 0006 point 3 defines it: {@code price} is the list total,
 * {@code total = price - discount}, every line's {@code paid = price - discount}, and the {@code applied} amounts
 * add up to {@code discount}.
 */
public record QuoteView(String currency, UUID bundleId, List<LineView> lines, Money price, Money discount,
                        Money total, CouponRef coupon, ReferralRef referral, List<AppliedView> applied,
                        List<RejectedView> rejected) {

    public record LineView(UUID courseId, Money price, Money discount, Money paid) {
    }

    public record CouponRef(UUID couponId, String code) {
    }

    public record ReferralRef(String code, String kind) {
    }

    public record AppliedView(String kind, String code, Money amount, String description) {
    }

    public record RejectedView(String kind, String code, String reason, String message) {
    }
}
