package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order's payment did not go through: the card was declined, the checkout session expired unpaid, or a delayed
 * payment method (bank debit, transfer, voucher) failed after the checkout. The order stays unpaid and nobody is
 * enrolled.
 *
 * @param orderId        the unpaid order
 * @param buyerId        who tried to pay
 * @param courseIds      the courses in the order
 * @param amount         the amount that was not paid
 * @param failureCode    machine-readable cause, e.g. {@code card_declined}, {@code checkout_expired} or
 *                       {@code async_payment_failed}
 * @param failureMessage a message fit to show the buyer; absent when the provider gave none
 * @param occurredAt     when the failure was recorded
 */
public record PaymentFailed(
        UUID orderId,
        UUID buyerId,
        List<UUID> courseIds,
        Money amount,
        String failureCode,
        String failureMessage,
        Instant occurredAt) implements OrderEvent {

    public PaymentFailed {
        requireNonNull(orderId, "orderId");
        requireNonNull(buyerId, "buyerId");
        courseIds = List.copyOf(requireNonNull(courseIds, "courseIds"));
        requireNonNull(amount, "amount");
        requireNonNull(failureCode, "failureCode");
        requireNonNull(occurredAt, "occurredAt");
    }
}
