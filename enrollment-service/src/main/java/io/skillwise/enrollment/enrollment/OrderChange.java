package io.skillwise.enrollment.enrollment;

import java.time.Instant;
import java.util.UUID;

/**
 * A refund or dispute fact about one course of an order, kept when it arrives before the purchase it is about and
 * applied when the purchase arrives.
 */
public record OrderChange(UUID orderId, UUID courseId, Kind kind, UUID disputeId, Instant occurredAt) {

    public enum Kind {
        REFUNDED,
        DISPUTE_OPENED,
        DISPUTE_WON,
        DISPUTE_LOST
    }
}
