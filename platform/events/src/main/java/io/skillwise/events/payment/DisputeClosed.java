package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dispute on an order was decided. {@code WON}: suspended access is restored. {@code LOST}: the money is gone,
 * access to {@code courseIds} is revoked and earnings and commissions are reversed.
 *
 * @param orderId    the disputed order
 * @param buyerId    who bought
 * @param disputeId  payment's id for the dispute, as in {@link PaymentDisputed}
 * @param outcome    how it was decided
 * @param amount     the amount that was disputed
 * @param courseIds  the courses concerned
 * @param lines      for {@code LOST}: what each line of the order lost (all it still held after earlier refunds) and
 *                   the part of its platform fee given back with it, exactly as the earnings ledger reversed it;
 *                   empty for {@code WON}; absent in events published before it existed
 * @param occurredAt when the decision was recorded
 */
public record DisputeClosed(
        UUID orderId,
        UUID buyerId,
        UUID disputeId,
        DisputeOutcome outcome,
        Money amount,
        List<UUID> courseIds,
        List<ReversedLine> lines,
        Instant occurredAt) implements OrderEvent {

    public DisputeClosed {
        requireNonNull(orderId, "orderId");
        requireNonNull(buyerId, "buyerId");
        requireNonNull(disputeId, "disputeId");
        requireNonNull(outcome, "outcome");
        requireNonNull(amount, "amount");
        courseIds = List.copyOf(requireNonNull(courseIds, "courseIds"));
        requireNonNull(occurredAt, "occurredAt");
        if (lines != null) {
            lines = List.copyOf(lines);
            if (outcome == DisputeOutcome.WON && !lines.isEmpty()) {
                throw new IllegalArgumentException("dispute " + disputeId + " was won: nothing was taken back");
            }
            OrderInvariants.reversalsAddUpTo(orderId, lines, null);
        }
    }

    /** A decision without its per-line losses, as events published before {@code lines} existed read. */
    public DisputeClosed(UUID orderId, UUID buyerId, UUID disputeId, DisputeOutcome outcome, Money amount,
                         List<UUID> courseIds, Instant occurredAt) {
        this(orderId, buyerId, disputeId, outcome, amount, courseIds, null, occurredAt);
    }
}
