package io.skillwise.promotion.affiliate;

import io.skillwise.events.common.Money;
import io.skillwise.promotion.affiliate.AffiliateProgram.ProgramStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and answers of the affiliate API. */
public final class AffiliateViews {

    private AffiliateViews() {
    }

    /** @param courseId absent: all of the instructor's courses */
    public record OpenProgramRequest(UUID courseId, @NotNull @Min(1) @Max(10_000) Integer rateBasisPoints,
                                     @Min(1) @Max(365) Integer attributionDays) {
    }

    public record ProgramView(UUID id, UUID instructorId, UUID courseId, int rateBasisPoints, int attributionDays,
                              ProgramStatus status, Instant createdAt) {

        static ProgramView of(AffiliateProgram program) {
            return new ProgramView(program.id(), program.instructorId(), program.courseId(),
                    program.rateBasisPoints(), program.attributionDays(), program.status(), program.createdAt());
        }
    }

    public record MembershipView(UUID membershipId, UUID programId, String code, String link, Instant joinedAt) {
    }

    /** Where an affiliate link leads: the course, or the instructor's courses. */
    public record LinkView(String code, UUID programId, UUID courseId, UUID instructorId, String redirectTo) {
    }

    public record Figures(long clicks, long conversions, Money earned, Money reversed) {
    }

    public record MyProgramView(UUID membershipId, ProgramView program, String code, String link, Figures figures) {
    }

    public record MeView(List<MyProgramView> programs, long clicks, long conversions) {
    }

    public record MemberResult(UUID affiliateId, String code, Figures figures) {
    }

    public record ProgramResults(ProgramView program, long members, long clicks, long conversions,
                                 List<MemberResult> affiliates) {
    }
}
