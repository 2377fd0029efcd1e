package io.skillwise.analytics.campaign;

import static io.skillwise.analytics.projection.EventBatch.onePerKey;

import io.skillwise.analytics.projection.EventBatch;
import io.skillwise.analytics.projection.Projection;
import io.skillwise.events.promotion.CampaignEnded;
import io.skillwise.events.promotion.CampaignStarted;
import io.skillwise.events.promotion.CouponRedeemed;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Campaigns (their windows, courses and coupons) and their coupons' redemptions, from {@code promotion.promotion.v1}. */
@Component
class CampaignProjection implements Projection {

    private final CampaignRepository campaigns;

    CampaignProjection(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void apply(EventBatch batch) {
        campaigns.started(onePerKey(batch.events(CampaignStarted.class), CampaignStarted::campaignId,
                Comparator.comparing(CampaignStarted::occurredAt)));
        campaigns.ended(onePerKey(batch.events(CampaignEnded.class), CampaignEnded::campaignId,
                Comparator.comparing(CampaignEnded::occurredAt).reversed()));
        campaigns.redeemed(List.copyOf(onePerKey(batch.events(CouponRedeemed.class), CouponRedeemed::redemptionId,
                Comparator.comparing(CouponRedeemed::occurredAt))));
    }
}
