package io.skillwise.promotion.campaign;

import io.skillwise.events.common.Money;
import io.skillwise.promotion.campaign.Campaign.CampaignStatus;
import io.swagger.v3.oas.annotations.media.Schema;
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
    public record CreateCampaignRequest(@Schema(example = "Spring sale 2026") @NotBlank @Size(max = 200) String name, @NotNull Instant startsAt,
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

    /**
     * Figures of one course, or of the whole campaign. Named in the API document, where affiliates' {@code Figures}
     * would otherwise share (and overwrite) one component with it.
     */
    @Schema(name = "CampaignFigures")
    public record Figures(@Schema(example = "42") long redemptions, Money discount,
                          @Schema(example = "57") long purchases, Money revenue,
                          @Schema(example = "63") long enrollments,
                          @Schema(description = "Enrollments in as long a period before the campaign", example = "21")
                          long enrollmentsBefore,
                          @Schema(description = "enrollments / enrollmentsBefore; absent when there were none before",
                                  example = "3.0") Double spikeRatio) {
    }

    public record CourseFigures(UUID courseId, Figures figures) {
    }

    public record DayFigures(LocalDate day, @Schema(example = "6") long redemptions,
                             @Schema(example = "8") long purchases, Money revenue,
                             @Schema(example = "9") long enrollments) {
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
