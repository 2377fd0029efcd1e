package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Money of a paid order went back to the buyer, confirmed by the payment provider. Access to {@code courseIds} ends
 * and their earnings and commissions are reversed. It may reach a consumer before the {@link CoursePurchased} of the
 * same order (different partitions of different consumers' inputs): it carries the buyer and courses so the
 * consumer can still end in the right state.
 *
 * @param orderId    the refunded order
 * @param buyerId    who bought and gets the money back
 * @param refundId   payment's id for this refund; an order can have several partial refunds
 * @param amount     the amount returned by this refund
 * @param courseIds  the courses whose lines were refunded and whose access ends; empty for a goodwill refund of an
 *                   amount that takes no course away
 * @param full       the whole order is now refunded
 * @param reason     why, as given by the buyer or admin; absent when none was given
 * @param actorId    the buyer or admin who asked for it; absent when it was made at the provider directly
 * @param lines      how this refund was spread over the order's lines and what each gave back of its platform fee,
 *                   exactly as the earnings ledger reversed it (its amounts add up to {@code amount}); empty when
 *                   the order earned nothing (a duplicate payment); absent in events published before it existed
 * @param occurredAt when the provider confirmed the refund
 */
public record PaymentRefunded(
        UUID orderId,
        UUID buyerId,
        UUID refundId,
        Money amount,
        List<UUID> courseIds,
        boolean full,
        String reason,
        UUID actorId,
        List<ReversedLine> lines,
        Instant occurredAt) implements OrderEvent {

    public PaymentRefunded {
        requireNonNull(orderId, "orderId");
        requireNonNull(buyerId, "buyerId");
        requireNonNull(refundId, "refundId");
        requireNonNull(amount, "amount");
        courseIds = List.copyOf(requireNonNull(courseIds, "courseIds"));
        requireNonNull(occurredAt, "occurredAt");
        if (lines != null) {
            lines = List.copyOf(lines);
            OrderInvariants.reversalsAddUpTo(orderId, lines, lines.isEmpty() ? null : amount);
        }
    }

    /** A refund without its per-line split, as events published before {@code lines} existed read. */
    public PaymentRefunded(UUID orderId, UUID buyerId, UUID refundId, Money amount, List<UUID> courseIds, boolean full,
                           String reason, UUID actorId, Instant occurredAt) {
        this(orderId, buyerId, refundId, amount, courseIds, full, reason, actorId, null, occurredAt);
    }
}
