package io.skillwise.events.mother;

import static io.skillwise.events.mother.Samples.AFFILIATE;
import static io.skillwise.events.mother.Samples.CAMPAIGN;
import static io.skillwise.events.mother.Samples.COMMISSION;
import static io.skillwise.events.mother.Samples.COUPON;
import static io.skillwise.events.mother.Samples.COURSE;
import static io.skillwise.events.mother.Samples.INSTRUCTOR;
import static io.skillwise.events.mother.Samples.NOW;
import static io.skillwise.events.mother.Samples.ORDER;
import static io.skillwise.events.mother.Samples.PROGRAM;
import static io.skillwise.events.mother.Samples.REDEMPTION;
import static io.skillwise.events.mother.Samples.SALE;
import static io.skillwise.events.mother.Samples.SECOND_COURSE;
import static io.skillwise.events.mother.Samples.STUDENT;
import static io.skillwise.events.mother.Samples.daysLater;
import static io.skillwise.events.mother.Samples.usd;

import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.events.promotion.CampaignEnded;
import io.skillwise.events.promotion.CampaignStarted;
import io.skillwise.events.promotion.CommissionReversalReason;
import io.skillwise.events.promotion.CouponRedeemed;
import io.skillwise.events.promotion.CourseSaleCancelled;
import io.skillwise.events.promotion.CourseSaleScheduled;
import java.util.List;

/** Promotion events around the spring campaign. */
public final class Promotions {

    private Promotions() {
    }

    public static CouponRedeemed couponRedeemed() {
        return new CouponRedeemed(REDEMPTION, COUPON, "SPRING25", INSTRUCTOR, CAMPAIGN, ORDER, STUDENT,
                List.of(COURSE, SECOND_COURSE), usd(1500), NOW);
    }

    public static CampaignStarted campaignStarted() {
        return new CampaignStarted(CAMPAIGN, INSTRUCTOR, "Spring sale", NOW, daysLater(14),
                List.of(COURSE, SECOND_COURSE), List.of(COUPON), NOW);
    }

    public static CampaignEnded campaignStoppedEarly() {
        return new CampaignEnded(CAMPAIGN, INSTRUCTOR, "Spring sale", NOW, daysLater(10), INSTRUCTOR, daysLater(10));
    }

    public static AffiliateCommissionEarned commissionEarned() {
        return new AffiliateCommissionEarned(COMMISSION, PROGRAM, AFFILIATE, INSTRUCTOR, ORDER, COURSE, "AFF-GRACE",
                usd(3999), 1500, usd(600), NOW);
    }

    public static AffiliateCommissionReversed commissionReversed() {
        return new AffiliateCommissionReversed(COMMISSION, PROGRAM, AFFILIATE, INSTRUCTOR, ORDER, COURSE, usd(600),
                CommissionReversalReason.REFUNDED, daysLater(3));
    }

    public static CourseSaleScheduled saleScheduled() {
        return new CourseSaleScheduled(SALE, COURSE, INSTRUCTOR, usd(2499), NOW, daysLater(7), CAMPAIGN, NOW);
    }

    public static CourseSaleCancelled saleCancelled() {
        return new CourseSaleCancelled(SALE, COURSE, INSTRUCTOR, daysLater(2));
    }
}
