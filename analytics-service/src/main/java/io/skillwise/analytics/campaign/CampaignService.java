package io.skillwise.analytics.campaign;

import io.skillwise.analytics.learning.LearningService;
import io.skillwise.analytics.sales.SalesService;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What the instructor's campaigns did, from promotion's events and analytics' own figures (never from promotion's
 * store): enrollments and sales of the campaign's courses in its window against the same length of time just before
 * it, and the redemptions of its coupons.
 */
@Service
public class CampaignService {

    record Campaign(UUID campaignId, UUID ownerId, String name, Instant startsAt, Instant endsAt, Instant endedAt,
                    List<UUID> courseIds) {
    }

    record Redemptions(String currency, long count, long discount) {
    }

    /**
     * @param status            RUNNING or ENDED
     * @param from              start of the window
     * @param to                its end, or now while it runs
     * @param courses           the courses it promotes (all the instructor's when it names none)
     * @param enrollmentsBefore first enrollments in the same length of time just before the window
     * @param spikeRatio        {@code enrollments / enrollmentsBefore}; absent when nothing came before
     * @param sales             per currency, course sales (order lines) and what buyers paid, in the window
     * @param salesBefore       the same just before it
     * @param redemptions       per currency, redemptions of its coupons and the discount they gave
     */
    public record CampaignEffect(UUID campaignId, @Schema(example = "Back to school") String name,
                                 @Schema(example = "RUNNING") String status, Instant from, Instant to,
                                 @Schema(example = "3") int courses, @Schema(example = "64") long enrollments,
                                 @Schema(example = "16") long enrollmentsBefore,
                                 @Schema(example = "4.0") Double spikeRatio,
                                 List<SalesService.Sales> sales, List<SalesService.Sales> salesBefore,
                                 List<SalesService.Sales> redemptions) {
    }

    private final CampaignRepository campaigns;
    private final LearningService learning;
    private final SalesService sales;

    CampaignService(CampaignRepository campaigns, LearningService learning, SalesService sales) {
        this.campaigns = campaigns;
        this.learning = learning;
        this.sales = sales;
    }

    /** The instructor's latest campaigns with their effect; {@code ownCourses} stand in for a campaign naming none. */
    public List<CampaignEffect> effectsOf(UUID instructorId, Collection<UUID> ownCourses, Instant now, int limit) {
        return campaigns.ofOwner(instructorId, limit).stream()
                .filter(campaign -> campaign.startsAt() != null)
                .map(campaign -> effect(campaign, ownCourses, now))
                .toList();
    }

    private CampaignEffect effect(Campaign campaign, Collection<UUID> ownCourses, Instant now) {
        Instant planned = campaign.endsAt() == null ? now : campaign.endsAt();
        Instant end = campaign.endedAt() != null ? campaign.endedAt() : planned.isBefore(now) ? planned : now;
        boolean running = campaign.endedAt() == null && end.equals(now);
        Instant from = campaign.startsAt();
        Instant to = end.isBefore(from) ? from : end;
        Instant before = from.minus(Duration.between(from, to));
        Collection<UUID> courses = campaign.courseIds().isEmpty() ? ownCourses : campaign.courseIds();
        long enrollments = learning.enrollmentsBetween(courses, from, to);
        long enrollmentsBefore = learning.enrollmentsBetween(courses, before, from);
        List<SalesService.Sales> redemptions = campaigns.redemptions(campaign.campaignId()).stream()
                .map(r -> new SalesService.Sales(r.currency(), r.count(), r.discount())).toList();
        return new CampaignEffect(campaign.campaignId(), campaign.name(), running ? "RUNNING" : "ENDED", from, to,
                courses.size(), enrollments, enrollmentsBefore,
                enrollmentsBefore == 0 ? null : Math.round(10_000.0 * enrollments / enrollmentsBefore) / 10_000.0,
                sales.salesBetween(courses, from, to), sales.salesBetween(courses, before, from), redemptions);
    }
}
