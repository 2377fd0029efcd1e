package io.skillwise.promotion.purchase;

import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.DisputeOutcome;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.events.promotion.CommissionReversalReason;
import io.skillwise.promotion.affiliate.AffiliateService;
import io.skillwise.promotion.coupon.CouponService;
import io.skillwise.promotion.referral.ReferralService;
import io.skillwise.promotion.replica.History;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a paid, refunded or lost order means for promotions, applied in one transaction with the inbox record:
 * purchase history, the coupon's redemption, the affiliate's commissions, the referrer's credit.
 */
@Service
class PurchaseService {

    private final History history;
    private final CouponService coupons;
    private final AffiliateService affiliates;
    private final ReferralService referrals;

    PurchaseService(History history, CouponService coupons, AffiliateService affiliates, ReferralService referrals) {
        this.history = history;
        this.coupons = coupons;
        this.affiliates = affiliates;
        this.referrals = referrals;
    }

    @Transactional
    public void purchased(CoursePurchased purchase) {
        coupons.purchased(purchase);
        affiliates.purchased(purchase);
        referrals.purchased(purchase);
        // recorded last, so the rules above still see the history before this order
        history.purchased(purchase);
    }

    @Transactional
    public void refunded(PaymentRefunded refund) {
        affiliates.reversed(refund.orderId(), refund.courseIds(), CommissionReversalReason.REFUNDED);
    }

    @Transactional
    public void disputeClosed(DisputeClosed closed) {
        if (closed.outcome() == DisputeOutcome.LOST) {
            affiliates.reversed(closed.orderId(), closed.courseIds(), CommissionReversalReason.DISPUTE_LOST);
        }
    }
}
