package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The buyer's bank opened a dispute (chargeback) on a paid order. Access to {@code courseIds} is suspended until
 * {@link DisputeClosed}.
 *
 * @param orderId    the disputed order
 * @param buyerId    who bought
 * @param disputeId  payment's id for the dispute
 * @param amount     the amount disputed
 * @param courseIds  the courses whose access is suspended
 * @param reason     the reason the card network gave, e.g. {@code fraudulent}; absent when none
 * @param occurredAt when the dispute was opened
 */
public record PaymentDisputed(
        UUID orderId,
        UUID buyerId,
        UUID disputeId,
        Money amount,
        List<UUID> courseIds,
        String reason,
        Instant occurredAt) implements OrderEvent {

    public PaymentDisputed {
        requireNonNull(orderId, "orderId");
        requireNonNull(buyerId, "buyerId");
        requireNonNull(disputeId, "disputeId");
        requireNonNull(amount, "amount");
        courseIds = List.copyOf(requireNonNull(courseIds, "courseIds"));
        requireNonNull(occurredAt, "occurredAt");
    }
}
