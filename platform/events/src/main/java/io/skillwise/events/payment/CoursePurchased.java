package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order was paid: the buyer now owns every course in it. Enrollment enrols, promotion records the coupon
 * redemption and any affiliate commission, notification sends the receipt, analytics counts the sale.
 *
 * @param orderId       the paid order
 * @param buyerId       who bought
 * @param lines         the courses bought, at least one, each with what was paid for it
 * @param bundleId      the bundle bought; absent for a single course
 * @param total         the amount paid, the sum of the lines' {@code paid}
 * @param discount      the total discount, the sum of the lines' {@code discount}
 * @param couponId      the coupon applied; absent when none
 * @param couponCode    the code the buyer entered for that coupon; absent when none
 * @param referralCode  a learner's personal referral code applied; absent when none
 * @param affiliateCode an affiliate's code or link the purchase came through; absent when none
 * @param invoiceId     the invoice issued for the order; absent if it is issued later
 * @param purchasedAt   when the payment provider confirmed the payment
 * @param occurredAt    when payment-service recorded it
 */
public record CoursePurchased(
        UUID orderId,
        UUID buyerId,
        List<OrderLine> lines,
        UUID bundleId,
        Money total,
        Money discount,
        UUID couponId,
        String couponCode,
        String referralCode,
        String affiliateCode,
        UUID invoiceId,
        Instant purchasedAt,
        Instant occurredAt) implements OrderEvent {

    public CoursePurchased {
        requireNonNull(orderId, "orderId");
        requireNonNull(buyerId, "buyerId");
        lines = List.copyOf(requireNonNull(lines, "lines"));
        requireNonNull(total, "total");
        requireNonNull(discount, "discount");
        requireNonNull(purchasedAt, "purchasedAt");
        requireNonNull(occurredAt, "occurredAt");
        OrderInvariants.totalsMatchLines(orderId, lines, total, discount);
    }

    /** The ids of the courses bought, in line order. */
    public List<UUID> courseIds() {
        return lines.stream().map(OrderLine::courseId).toList();
    }
}
