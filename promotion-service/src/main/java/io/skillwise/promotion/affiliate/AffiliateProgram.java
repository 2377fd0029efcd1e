package io.skillwise.promotion.affiliate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An instructor's offer to pay partners a share of the sales they bring.
 *
 * @param courseId        the one course it covers; absent for all of the instructor's courses
 * @param rateBasisPoints commission in hundredths of a percent of what the buyer paid (1500 = 15 %)
 * @param attributionDays how long after the buyer's first contact with a code a purchase still counts
 */
public record AffiliateProgram(UUID id, UUID instructorId, UUID courseId, int rateBasisPoints, int attributionDays,
                               ProgramStatus status, Instant createdAt) {

    public enum ProgramStatus { OPEN, CLOSED }

    public boolean covers(UUID lineCourseId, UUID lineInstructorId) {
        return instructorId.equals(lineInstructorId) && (courseId == null || courseId.equals(lineCourseId));
    }

    /** First touch: the window runs from the buyer's first contact with the code. */
    public boolean withinWindow(Instant firstTouch, Instant purchasedAt) {
        return purchasedAt.isBefore(firstTouch.plus(Duration.ofDays(attributionDays)));
    }

    public long commissionOn(long paid) {
        return Math.multiplyExact(paid, rateBasisPoints) / 10_000;
    }
}
