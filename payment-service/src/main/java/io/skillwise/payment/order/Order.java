package io.skillwise.payment.order;

import io.skillwise.events.common.MinorUnits;
import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * One checkout by one buyer: a line per course (one line for a single course, several for a bundle). Amounts are
 * minor units of {@code currency}; every total of the order is the sum of its lines, so they cannot disagree.
 * Changes return a new value, so a service sees exactly what it is about to store.
 *
 * @param title what the buyer is shown for the whole order: the course title, or the bundle's name
 */
public record Order(
        UUID id,
        UUID buyerId,
        String buyerEmail,
        String idempotencyKey,
        String title,
        List<Line> lines,
        UUID bundleId,
        String currency,
        UUID couponId,
        String couponCode,
        String referralCode,
        String affiliateCode,
        OrderStatus status,
        String provider,
        String checkoutSessionId,
        String checkoutUrl,
        String paymentIntentId,
        Instant createdAt,
        Instant paidAt,
        Instant updatedAt) {

    /**
     * One course of the order. {@code paid = price - discount}; {@code platformFee} is fixed when the order is paid;
     * {@code refunded} is this line's part of the money given back so far.
     */
    public record Line(UUID courseId, UUID instructorId, String courseTitle, long priceAmount, long discountAmount,
                       long paidAmount, Long platformFeeAmount, long refundedAmount) {

        public Line {
            Objects.requireNonNull(courseId, "courseId");
            Objects.requireNonNull(instructorId, "instructorId");
            if (priceAmount < 0 || discountAmount < 0 || priceAmount - discountAmount != paidAmount) {
                throw new IllegalArgumentException("line " + courseId + ": paid " + paidAmount + " is not price "
                        + priceAmount + " less discount " + discountAmount);
            }
            if (refundedAmount < 0 || refundedAmount > paidAmount) {
                throw new IllegalArgumentException("line " + courseId + ": refunded " + refundedAmount + " of "
                        + paidAmount);
            }
            if (platformFeeAmount != null && (platformFeeAmount < 0 || platformFeeAmount > paidAmount)) {
                throw new IllegalArgumentException("line " + courseId + ": fee " + platformFeeAmount + " of "
                        + paidAmount);
            }
        }

        public static Line of(UUID courseId, UUID instructorId, String courseTitle, long price, long discount) {
            return new Line(courseId, instructorId, courseTitle, price, discount, price - discount, null, 0);
        }

        Line withFee(long fee) {
            return new Line(courseId, instructorId, courseTitle, priceAmount, discountAmount, paidAmount, fee,
                    refundedAmount);
        }

        Line withRefunded(long refunded) {
            return new Line(courseId, instructorId, courseTitle, priceAmount, discountAmount, paidAmount,
                    platformFeeAmount, refunded);
        }
    }

    public Order {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("order " + id + " has no lines");
        }
        if (lines.stream().map(Line::courseId).distinct().count() != lines.size()) {
            throw new IllegalArgumentException("order " + id + " names a course twice");
        }
    }

    public static Order open(UUID id, UUID buyerId, String buyerEmail, String idempotencyKey, String title,
                             List<Line> lines, UUID bundleId, String currency, UUID couponId, String couponCode,
                             String referralCode, String affiliateCode, String provider, Instant now) {
        return new Order(id, buyerId, buyerEmail, idempotencyKey, title, lines, bundleId, currency, couponId,
                couponCode, referralCode, affiliateCode, OrderStatus.PENDING, provider, null, null, null, now, null,
                now);
    }

    public long priceAmount() {
        return lines.stream().mapToLong(Line::priceAmount).sum();
    }

    public long discountAmount() {
        return lines.stream().mapToLong(Line::discountAmount).sum();
    }

    public long paidAmount() {
        return lines.stream().mapToLong(Line::paidAmount).sum();
    }

    public long refundedAmount() {
        return lines.stream().mapToLong(Line::refundedAmount).sum();
    }

    /** The platform's share of the whole order; absent until it is paid. */
    public Long platformFeeAmount() {
        if (lines.stream().anyMatch(line -> line.platformFeeAmount() == null)) {
            return null;
        }
        return lines.stream().mapToLong(Line::platformFeeAmount).sum();
    }

    public List<UUID> courseIds() {
        return lines.stream().map(Line::courseId).toList();
    }

    public Money price() {
        return Money.of(priceAmount(), currency);
    }

    public Money discount() {
        return Money.of(discountAmount(), currency);
    }

    public Money paid() {
        return Money.of(paidAmount(), currency);
    }

    public Money refunded() {
        return Money.of(refundedAmount(), currency);
    }

    /** The provider's checkout is ready for the buyer. */
    public Order withCheckout(String sessionId, String url, Instant now) {
        return new Order(id, buyerId, buyerEmail, idempotencyKey, title, lines, bundleId, currency, couponId,
                couponCode, referralCode, affiliateCode, status, provider, sessionId, url, paymentIntentId,
                createdAt, paidAt, now);
    }

    /**
     * Whether a confirmed payment may still be recorded: a declined card, an expiry or a failed delayed payment can
     * still be followed by money arriving, and money that arrives is never turned away.
     */
    public boolean awaitingPayment() {
        return status == OrderStatus.PENDING || status == OrderStatus.FAILED || status == OrderStatus.EXPIRED
                || status == OrderStatus.DELAYED_PAYMENT_FAILED;
    }

    /** The checkout can still end either way: unpaid so far (pending, or a declined card the buyer may retry). */
    public boolean checkoutOpen() {
        return status == OrderStatus.PENDING || status == OrderStatus.FAILED;
    }

    /** The checkout was completed with a delayed payment method and its money has not arrived yet. */
    public boolean awaitsDelayedPayment() {
        return status == OrderStatus.PENDING && paymentIntentId != null;
    }

    /**
     * The buyer completed the checkout with a delayed payment method: the payment is known, the money is not there
     * yet. The order stays (or becomes again, after a declined card) {@code PENDING} until it arrives or fails.
     */
    public Order awaitingDelayedPayment(String intentId, Instant at) {
        if (!checkoutOpen()) {
            throw new IllegalStateException("order " + id + " is " + status + ", no payment can be on its way");
        }
        return with(OrderStatus.PENDING, lines, intentId, paidAt, at);
    }

    /** Paid: each line's platform fee is fixed now, under the revenue share in force. */
    public Order paid(String intentId, ToLongFunction<Line> feeOf, Instant at) {
        if (!awaitingPayment()) {
            throw new IllegalStateException("order " + id + " is " + status + ", it cannot be paid again");
        }
        List<Line> withFees = lines.stream().map(line -> line.withFee(feeOf.applyAsLong(line))).toList();
        return with(OrderStatus.PAID, withFees, intentId, at, at);
    }

    /**
     * Paid for a course the buyer already owned through another order (two checkouts of the same course both
     * paid): nothing is sold, the money goes back automatically.
     */
    public Order paidTwice(String intentId, Instant at) {
        if (!awaitingPayment()) {
            throw new IllegalStateException("order " + id + " is " + status + ", it cannot be paid again");
        }
        return with(OrderStatus.DUPLICATE, lines, intentId, at, at);
    }

    public Order failed(OrderStatus failure, String intentId, Instant at) {
        if (failure != OrderStatus.FAILED && failure != OrderStatus.EXPIRED
                && failure != OrderStatus.DELAYED_PAYMENT_FAILED) {
            throw new IllegalArgumentException(failure + " is not a failure");
        }
        return with(failure, lines, intentId == null ? paymentIntentId : intentId, paidAt, at);
    }

    /**
     * Records the provider's running total of refunded money (Stripe's {@code amount_refunded}). What is new is
     * spread over the lines in proportion to what each still holds (largest remainder), so a full refund empties
     * every line and partial refunds add up exactly.
     */
    public Order refundedUpTo(long totalRefunded, Instant at) {
        long target = Math.min(totalRefunded, paidAmount());
        long added = Math.max(0, target - refundedAmount());
        long[] remaining = lines.stream().mapToLong(line -> line.paidAmount() - line.refundedAmount()).toArray();
        long[] parts = MinorUnits.proportional(added, remaining);
        List<Line> next = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            next.add(lines.get(i).withRefunded(lines.get(i).refundedAmount() + parts[i]));
        }
        OrderStatus nextStatus = target >= paidAmount() ? OrderStatus.REFUNDED
                : status == OrderStatus.DISPUTED ? OrderStatus.DISPUTED
                : status == OrderStatus.DUPLICATE ? OrderStatus.DUPLICATE : OrderStatus.PARTIALLY_REFUNDED;
        return with(nextStatus, next, paymentIntentId, paidAt, at);
    }

    public Order disputed(Instant at) {
        return with(OrderStatus.DISPUTED, lines, paymentIntentId, paidAt, at);
    }

    public Order disputeClosed(boolean won, Instant at) {
        OrderStatus next = !won ? OrderStatus.DISPUTE_LOST
                : refundedAmount() > 0 ? OrderStatus.PARTIALLY_REFUNDED : OrderStatus.PAID;
        return with(next, lines, paymentIntentId, paidAt, at);
    }

    private Order with(OrderStatus nextStatus, List<Line> nextLines, String intentId, Instant paidTime, Instant now) {
        return new Order(id, buyerId, buyerEmail, idempotencyKey, title, nextLines, bundleId, currency, couponId,
                couponCode, referralCode, affiliateCode, nextStatus, provider, checkoutSessionId, checkoutUrl,
                intentId, createdAt, paidTime, now);
    }
}
