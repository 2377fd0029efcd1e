package io.skillwise.promotion.campaign;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Opens and closes campaign windows on time: CampaignStarted and CampaignEnded come from here. */
@Component
class CampaignClock {

    private final CampaignService campaigns;

    CampaignClock(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Scheduled(fixedDelayString = "${skillwise.promotion.campaign.check-interval:5s}",
            initialDelayString = "${skillwise.promotion.campaign.check-interval:5s}")
    void tick() {
        campaigns.runDue();
    }
}
