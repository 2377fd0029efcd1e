package io.skillwise.promotion.campaign;

import io.skillwise.events.common.Money;
import io.skillwise.promotion.campaign.Campaign.CampaignStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class CampaignViews {

    private CampaignViews() {
    }

    /** The coupons and sales named must be the caller's; they join the campaign. */
    public record CreateCampaignRequest(@NotBlank @Size(max = 200) String name, @NotNull Instant startsAt,
                                        @NotNull Instant endsAt, @Size(max = 100) List<@NotNull UUID> courseIds,
                                        @Size(max = 100) List<@NotNull UUID> couponIds,
                                        @Size(max = 100) List<@NotNull UUID> saleIds) {
    }

    /**
     * @param courseIds every course the campaign promotes; empty for a platform-wide campaign
     */
    public record CampaignView(UUID id, UUID ownerId, String name, Instant startsAt, Instant endsAt,
                               CampaignStatus status, Instant startedAt, Instant endedAt, UUID stoppedBy,
                               List<UUID> courseIds, List<UUID> couponIds, List<UUID> saleIds,
                               boolean platformWide) {
    }

    /** Figures of one course, or of the whole campaign. */
    public record Figures(long redemptions, Money discount, long purchases, Money revenue, long enrollments,
                          long enrollmentsBefore, Double spikeRatio) {
    }

    public record CourseFigures(UUID courseId, Figures figures) {
    }

    public record DayFigures(LocalDate day, long redemptions, long purchases, Money revenue, long enrollments) {
    }

    /**
     * Effectiveness of a campaign: inside its window against the same length of time just before it.
     *
     * @param from           start of the window
     * @param to             its end, or now while it runs
     * @param baselineFrom   start of the same-length window before it (which ends at {@code from})
     */
    public record CampaignReport(UUID campaignId, String name, CampaignStatus status, Instant from, Instant to,
                                 Instant baselineFrom, Figures total, List<CourseFigures> courses,
                                 List<DayFigures> days) {
    }
}
