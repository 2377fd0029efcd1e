package io.skillwise.events.promotion;

import io.skillwise.events.DomainEvent;

/** An event on {@code promotion.promotion.v1}; sealed so that a consumer can switch over every case. */
public sealed interface PromotionEvent extends DomainEvent
        permits CouponRedeemed, CampaignStarted, CampaignEnded, AffiliateCommissionEarned, AffiliateCommissionReversed,
        CourseSaleScheduled, CourseSaleCancelled {
}
