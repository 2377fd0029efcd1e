package io.skillwise.promotion.affiliate;

import io.skillwise.events.common.Money;
import io.skillwise.promotion.affiliate.AffiliateProgram.ProgramStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and answers of the affiliate API. */
public final class AffiliateViews {

    /** Examples of the OpenAPI document. */
    private static final String LINK_CODE = "k7Qm2xPa";
    private static final String LINK = "https://skillwise.io/api/v1/affiliates/links/k7Qm2xPa";

    private AffiliateViews() {
    }

    /** @param courseId absent: all of the instructor's courses */
    public record OpenProgramRequest(UUID courseId,
                                     @Schema(description = "Commission in hundredths of a percent", example = "1500")
                                     @NotNull @Min(1) @Max(10_000) Integer rateBasisPoints,
                                     @Schema(description = "Days a click counts towards a purchase", example = "30")
                                     @Min(1) @Max(365) Integer attributionDays) {
    }

    public record ProgramView(UUID id, UUID instructorId, UUID courseId, @Schema(example = "1500") int rateBasisPoints,
                              @Schema(example = "30") int attributionDays,
                              ProgramStatus status, Instant createdAt) {

        static ProgramView of(AffiliateProgram program) {
            return new ProgramView(program.id(), program.instructorId(), program.courseId(),
                    program.rateBasisPoints(), program.attributionDays(), program.status(), program.createdAt());
        }
    }

    public record MembershipView(UUID membershipId, UUID programId, @Schema(example = LINK_CODE) String code,
                                 @Schema(example = LINK) String link, Instant joinedAt) {
    }

    /** Where an affiliate link leads: the course, or the instructor's courses. */
    public record LinkView(@Schema(example = LINK_CODE) String code, UUID programId, UUID courseId, UUID instructorId,
                           @Schema(example = "/api/v1/courses/7c9e6679-7425-40de-944b-e07fc1f90ae7?ref=k7Qm2xPa")
                           String redirectTo) {
    }

    /** Named in the API document, where campaigns' {@code Figures} would otherwise share one component with it. */
    @Schema(name = "AffiliateFigures")
    public record Figures(@Schema(example = "310") long clicks, @Schema(example = "12") long conversions,
                          Money earned, Money reversed) {
    }

    public record MyProgramView(UUID membershipId, ProgramView program, @Schema(example = LINK_CODE) String code,
                                @Schema(example = LINK) String link, Figures figures) {
    }

    public record MeView(List<MyProgramView> programs, @Schema(example = "310") long clicks,
                         @Schema(example = "12") long conversions) {
    }

    public record MemberResult(UUID affiliateId, @Schema(example = LINK_CODE) String code, Figures figures) {
    }

    public record ProgramResults(ProgramView program, @Schema(example = "8") long members,
                                 @Schema(example = "310") long clicks, @Schema(example = "12") long conversions,
                                 List<MemberResult> affiliates) {
    }
}
