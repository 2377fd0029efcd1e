package io.skillwise.payment.earnings;

import java.time.Instant;
import java.util.UUID;

/** One line of the ledger; reversals carry negative amounts so that a plain sum is the balance. */
public record EarningEntry(UUID id, UUID instructorId, UUID orderId, UUID courseId, String kind, long grossAmount,
                           long feeAmount, long netAmount, String currency, Instant occurredAt) {

    public static final String SALE = "SALE";
    public static final String REFUND = "REFUND";
    public static final String DISPUTE_LOST = "DISPUTE_LOST";
}
