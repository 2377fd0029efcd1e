package io.skillwise.events.promotion;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A purchase made through an affiliate's code or link within the attribution window earned the affiliate a
 * commission on one course. payment-service deducts it from the instructor's earnings for that order line. Key:
 * commission id, so a reversal always follows the commission it reverses.
 *
 * @param commissionId    the commission
 * @param programId       the instructor's affiliate program
 * @param affiliateId     the user who referred the buyer and earns the commission
 * @param instructorId    the instructor who runs the program and pays the commission
 * @param orderId         the paid order
 * @param courseId        the course of the order line that earned it
 * @param referralCode    the affiliate's code the purchase came through
 * @param saleAmount      what the buyer paid for that course
 * @param rateBasisPoints the program's commission rate in hundredths of a percent (1500 = 15 %)
 * @param commission      the amount earned
 * @param occurredAt      when the commission was recorded
 */
public record AffiliateCommissionEarned(
        UUID commissionId,
        UUID programId,
        UUID affiliateId,
        UUID instructorId,
        UUID orderId,
        UUID courseId,
        String referralCode,
        Money saleAmount,
        int rateBasisPoints,
        Money commission,
        Instant occurredAt) implements PromotionEvent {

    public AffiliateCommissionEarned {
        requireNonNull(commissionId, "commissionId");
        requireNonNull(programId, "programId");
        requireNonNull(affiliateId, "affiliateId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(orderId, "orderId");
        requireNonNull(courseId, "courseId");
        requireNonNull(referralCode, "referralCode");
        requireNonNull(saleAmount, "saleAmount");
        requireNonNull(commission, "commission");
        requireNonNull(occurredAt, "occurredAt");
        if (rateBasisPoints < 0 || rateBasisPoints > 10_000 || commission.amount() > saleAmount.amount()) {
            throw new IllegalArgumentException("commission " + commissionId + " of " + commission + " at "
                    + rateBasisPoints + " bp is impossible on a sale of " + saleAmount);
        }
    }

    @Override
    public String aggregateId() {
        return commissionId.toString();
    }
}
