package io.skillwise.payment.order;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * One checkout of one course by one buyer. Amounts are minor units of {@code currency}; {@code paid = price -
 * discount}. Changes return a new value, so a service sees exactly what it is about to store.
 */
public record Order(
        UUID id,
        UUID buyerId,
        String buyerEmail,
        String idempotencyKey,
        UUID courseId,
        UUID instructorId,
        String courseTitle,
        long priceAmount,
        long discountAmount,
        long paidAmount,
        String currency,
        Long platformFeeAmount,
        long refundedAmount,
        String couponCode,
        String referralCode,
        OrderStatus status,
        String provider,
        String checkoutSessionId,
        String checkoutUrl,
        String paymentIntentId,
        Instant createdAt,
        Instant paidAt,
        Instant updatedAt) {

    public Order {
        if (priceAmount < 0 || discountAmount < 0 || priceAmount - discountAmount != paidAmount) {
            throw new IllegalArgumentException("order " + id + ": paid " + paidAmount + " is not price " + priceAmount
                    + " less discount " + discountAmount);
        }
        if (refundedAmount < 0 || refundedAmount > paidAmount) {
            throw new IllegalArgumentException("order " + id + ": refunded " + refundedAmount + " of " + paidAmount);
        }
    }

    public static Order open(UUID id, UUID buyerId, String buyerEmail, String idempotencyKey, UUID courseId,
                             UUID instructorId, String courseTitle, Money price, Money discount, String couponCode,
                             String referralCode, String provider, Instant now) {
        return new Order(id, buyerId, buyerEmail, idempotencyKey, courseId, instructorId, courseTitle, price.amount(),
                discount.amount(), price.amount() - discount.amount(), price.currency(), null, 0, couponCode,
                referralCode, OrderStatus.PENDING, provider, null, null, null, now, null, now);
    }

    public Money price() {
        return Money.of(priceAmount, currency);
    }

    public Money discount() {
        return Money.of(discountAmount, currency);
    }

    public Money paid() {
        return Money.of(paidAmount, currency);
    }

    public Money refunded() {
        return Money.of(refundedAmount, currency);
    }

    /** The provider's checkout is ready for the buyer. */
    public Order withCheckout(String sessionId, String url, Instant now) {
        return new Order(id, buyerId, buyerEmail, idempotencyKey, courseId, instructorId, courseTitle, priceAmount,
                discountAmount, paidAmount, currency, platformFeeAmount, refundedAmount, couponCode, referralCode,
                status, provider, sessionId, url, paymentIntentId, createdAt, paidAt, now);
    }

    /** Whether a confirmed payment may still be recorded: a declined card or an expiry can be followed by success. */
    public boolean awaitingPayment() {
        return status == OrderStatus.PENDING || status == OrderStatus.FAILED || status == OrderStatus.EXPIRED;
    }

    public Order paid(String intentId, long platformFee, Instant at) {
        if (!awaitingPayment()) {
            throw new IllegalStateException("order " + id + " is " + status + ", it cannot be paid again");
        }
        return with(OrderStatus.PAID, platformFee, refundedAmount, intentId, at, at);
    }

    public Order failed(OrderStatus failure, String intentId, Instant at) {
        if (failure != OrderStatus.FAILED && failure != OrderStatus.EXPIRED) {
            throw new IllegalArgumentException(failure + " is not a failure");
        }
        return with(failure, platformFeeAmount, refundedAmount, intentId == null ? paymentIntentId : intentId,
                paidAt, at);
    }

    /** Records the provider's running total of refunded money (Stripe's {@code amount_refunded}). */
    public Order refundedUpTo(long totalRefunded, Instant at) {
        OrderStatus next = totalRefunded >= paidAmount ? OrderStatus.REFUNDED
                : status == OrderStatus.DISPUTED ? OrderStatus.DISPUTED : OrderStatus.PARTIALLY_REFUNDED;
        return with(next, platformFeeAmount, Math.min(totalRefunded, paidAmount), paymentIntentId, paidAt, at);
    }

    public Order disputed(Instant at) {
        return with(OrderStatus.DISPUTED, platformFeeAmount, refundedAmount, paymentIntentId, paidAt, at);
    }

    public Order disputeClosed(boolean won, Instant at) {
        OrderStatus next = !won ? OrderStatus.DISPUTE_LOST
                : refundedAmount > 0 ? OrderStatus.PARTIALLY_REFUNDED : OrderStatus.PAID;
        return with(next, platformFeeAmount, refundedAmount, paymentIntentId, paidAt, at);
    }

    private Order with(OrderStatus nextStatus, Long fee, long refunded, String intentId, Instant paidTime,
                       Instant now) {
        return new Order(id, buyerId, buyerEmail, idempotencyKey, courseId, instructorId, courseTitle, priceAmount,
                discountAmount, paidAmount, currency, fee, refunded, couponCode, referralCode, nextStatus, provider,
                checkoutSessionId, checkoutUrl, intentId, createdAt, paidTime, now);
    }
}
