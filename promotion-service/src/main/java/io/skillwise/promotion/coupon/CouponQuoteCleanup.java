package io.skillwise.promotion.coupon;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the remembered coupon quotes to the ones an open checkout can still use. */
@Component
class CouponQuoteCleanup {

    private final CouponService coupons;

    CouponQuoteCleanup(CouponService coupons) {
        this.coupons = coupons;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void run() {
        coupons.forgetOldQuotes();
    }
}
