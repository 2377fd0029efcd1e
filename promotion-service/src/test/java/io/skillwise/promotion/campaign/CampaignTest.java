package io.skillwise.promotion.campaign;

import io.skillwise.promotion.campaign.Campaign.CampaignStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignTest {

    private static final Instant START = Instant.parse("2030-01-10T00:00:00Z");
    private static final Instant END = Instant.parse("2030-01-20T00:00:00Z");

    @Test
    void aRunningCampaignIsMeasuredUntilNowAgainstAsLongBefore() {
        Campaign running = campaign(CampaignStatus.RUNNING, null);
        Instant now = Instant.parse("2030-01-13T00:00:00Z");

        assertThat(running.reportEnd(now)).isEqualTo(now);
        assertThat(running.baselineStart(now)).isEqualTo(Instant.parse("2030-01-07T00:00:00Z"));
        assertThat(running.reportEnd(END.plusSeconds(60))).isEqualTo(END);
    }

    @Test
    void anEndedCampaignIsMeasuredUntilItEndedAndAScheduledOneNotAtAll() {
        Instant stopped = Instant.parse("2030-01-12T00:00:00Z");

        assertThat(campaign(CampaignStatus.ENDED, stopped).reportEnd(END)).isEqualTo(stopped);
        assertThat(campaign(CampaignStatus.ENDED, stopped).baselineStart(END))
                .isEqualTo(Instant.parse("2030-01-08T00:00:00Z"));
        assertThat(campaign(CampaignStatus.SCHEDULED, null).reportEnd(START.minusSeconds(5))).isEqualTo(START);
    }

    private static Campaign campaign(CampaignStatus status, Instant endedAt) {
        return new Campaign(UUID.randomUUID(), UUID.randomUUID(), "C", START, END, status, START, endedAt, null,
                List.of(), START);
    }
}
