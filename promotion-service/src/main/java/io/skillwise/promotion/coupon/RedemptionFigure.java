package io.skillwise.promotion.coupon;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One recorded redemption, as campaign reports count it. */
public record RedemptionFigure(UUID couponId, UUID orderId, List<UUID> courseIds, long discount, String currency,
                               Instant redeemedAt) {

    public RedemptionFigure {
        courseIds = List.copyOf(courseIds);
    }
}
