package io.skillwise.payment.earnings;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the ledger; reversals carry negative amounts so that a plain sum is the balance. For every entry
 * {@code net = gross - fee - commission}: a sale has no commission, an affiliate commission is an entry of its own
 * (gross and fee zero, the commission taken from net), its reversal gives it back.
 *
 * @param orderId      the order of the line; absent for {@code SUBSCRIPTION_SHARE}
 * @param commissionId promotion-service's commission for {@code COMMISSION} and {@code COMMISSION_REVERSED}
 *                     entries; absent otherwise
 * @param shareId      the month's share ({@code SubscriptionRevenueShared.shareId}) for {@code SUBSCRIPTION_SHARE}
 *                     entries, dated at the start of the month; absent otherwise
 */
public record EarningEntry(UUID id, UUID instructorId, UUID orderId, UUID courseId, String kind, long grossAmount,
                           long feeAmount, long commissionAmount, long netAmount, String currency, UUID commissionId,
                           Instant occurredAt, UUID shareId) {

    /** An entry of an order line (sale, reversal, commission). */
    public EarningEntry(UUID id, UUID instructorId, UUID orderId, UUID courseId, String kind, long grossAmount,
                        long feeAmount, long commissionAmount, long netAmount, String currency, UUID commissionId,
                        Instant occurredAt) {
        this(id, instructorId, orderId, courseId, kind, grossAmount, feeAmount, commissionAmount, netAmount, currency,
                commissionId, occurredAt, null);
    }

    public EarningEntry {
        if (netAmount != grossAmount - feeAmount - commissionAmount) {
            throw new IllegalArgumentException("entry " + id + ": net " + netAmount + " is not " + grossAmount
                    + " - " + feeAmount + " - " + commissionAmount);
        }
    }

    public static final String SALE = "SALE";
    public static final String REFUND = "REFUND";
    public static final String DISPUTE_LOST = "DISPUTE_LOST";
    public static final String COMMISSION = "COMMISSION";
    public static final String COMMISSION_REVERSED = "COMMISSION_REVERSED";
    public static final String SUBSCRIPTION_SHARE = "SUBSCRIPTION_SHARE";
}
