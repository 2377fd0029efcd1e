package io.skillwise.events.promotion;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * An affiliate commission was taken back in full because the course's payment was refunded or lost in a dispute.
 * Key: commission id, as for {@link AffiliateCommissionEarned}.
 *
 * @param commissionId the reversed commission
 * @param programId    the affiliate program
 * @param affiliateId  the affiliate who loses it
 * @param instructorId the instructor whose earnings get it back
 * @param orderId      the order concerned
 * @param courseId     the course of the order line concerned
 * @param commission   the amount taken back
 * @param reason       why
 * @param occurredAt   when the reversal was recorded
 */
public record AffiliateCommissionReversed(
        UUID commissionId,
        UUID programId,
        UUID affiliateId,
        UUID instructorId,
        UUID orderId,
        UUID courseId,
        Money commission,
        CommissionReversalReason reason,
        Instant occurredAt) implements PromotionEvent {

    public AffiliateCommissionReversed {
        requireNonNull(commissionId, "commissionId");
        requireNonNull(programId, "programId");
        requireNonNull(affiliateId, "affiliateId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(orderId, "orderId");
        requireNonNull(courseId, "courseId");
        requireNonNull(commission, "commission");
        requireNonNull(reason, "reason");
        requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return commissionId.toString();
    }
}
