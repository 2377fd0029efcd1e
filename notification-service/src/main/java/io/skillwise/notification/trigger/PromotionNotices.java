package io.skillwise.notification.trigger;

import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.events.promotion.CampaignStarted;
import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.UUID;

/** Notices about promotions ({@code promotion.promotion.v1}): commissions to affiliates, campaigns to their owner. */
@Service
class PromotionNotices {

    private static final String AFFILIATE_HOME = "/api/v1/affiliates/me";

    private final DeliveryService delivery;
    private final CourseTitles courses;

    PromotionNotices(DeliveryService delivery, CourseTitles courses) {
        this.delivery = delivery;
        this.courses = courses;
    }

    void commissionEarned(UUID eventId, AffiliateCommissionEarned earned) {
        String rate = BigDecimal.valueOf(earned.rateBasisPoints(), 2).stripTrailingZeros().toPlainString();
        delivery.deliver(Delivery.of(Keys.of(eventId), new Notice(NotificationKind.COMMISSION_EARNED,
                "You earned " + Texts.money(earned.commission()),
                "A sale of " + courses.of(earned.courseId()) + " (" + Texts.money(earned.saleAmount())
                        + ") through your link earned you " + rate + "%.", AFFILIATE_HOME), earned.affiliateId()));
    }

    void commissionReversed(UUID eventId, AffiliateCommissionReversed reversed) {
        String why = switch (reversed.reason()) {
            case REFUNDED -> "the buyer was refunded";
            case DISPUTE_LOST -> "the buyer won a dispute about the payment";
        };
        delivery.deliver(Delivery.of(Keys.of(eventId), new Notice(NotificationKind.COMMISSION_REVERSED,
                "A commission of " + Texts.money(reversed.commission()) + " was reversed",
                "Your commission on " + courses.of(reversed.courseId()) + " was taken back because " + why + ".",
                AFFILIATE_HOME), reversed.affiliateId()));
    }

    void campaignStarted(UUID eventId, CampaignStarted started) {
        delivery.deliver(Delivery.of(Keys.of(eventId), new Notice(NotificationKind.CAMPAIGN_STARTED,
                "Your campaign " + started.name() + " started",
                "Its offers apply from now until " + Texts.day(started.endsAt()) + " on "
                        + started.courseIds().size() + " course(s) and " + started.couponIds().size() + " coupon(s).",
                "/api/v1/promotions/campaigns/" + started.campaignId() + "/report"), started.ownerId()));
    }
}
