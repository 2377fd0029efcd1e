package io.skillwise.promotion.affiliate;

import java.time.Instant;
import java.util.UUID;

/** What one order line earned an affiliate; {@code REVERSED} after a refund or a lost dispute. */
public record Commission(UUID id, UUID programId, UUID membershipId, UUID affiliateId, UUID instructorId,
                         UUID orderId, UUID courseId, String code, long saleAmount, String currency,
                         int rateBasisPoints, long amount, CommissionStatus status, Instant earnedAt,
                         Instant reversedAt, String reversal) {

    public enum CommissionStatus { EARNED, REVERSED }
}
