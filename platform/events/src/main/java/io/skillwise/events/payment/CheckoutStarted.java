package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A buyer was sent to pay for an order (status PENDING); nothing is owned yet. Lets analytics measure the checkout
 * funnel; abandoned checkouts never produce a {@link CoursePurchased}.
 *
 * @param orderId       the new order
 * @param buyerId       who is buying
 * @param lines         the priced courses, at least one
 * @param bundleId      the bundle being bought; absent for a single course
 * @param total         the amount to pay, the sum of the lines' {@code paid}
 * @param discount      the total discount, the sum of the lines' {@code discount}
 * @param couponCode    the coupon applied; absent when none
 * @param referralCode  a learner's personal referral code applied; absent when none
 * @param affiliateCode an affiliate's code or link the purchase came through; absent when none
 * @param occurredAt    when the order was created
 */
public record CheckoutStarted(
        UUID orderId,
        UUID buyerId,
        List<OrderLine> lines,
        UUID bundleId,
        Money total,
        Money discount,
        String couponCode,
        String referralCode,
        String affiliateCode,
        Instant occurredAt) implements OrderEvent {

    public CheckoutStarted {
        requireNonNull(orderId, "orderId");
        requireNonNull(buyerId, "buyerId");
        lines = List.copyOf(requireNonNull(lines, "lines"));
        requireNonNull(total, "total");
        requireNonNull(discount, "discount");
        requireNonNull(occurredAt, "occurredAt");
        OrderInvariants.totalsMatchLines(orderId, lines, total, discount);
    }
}
