package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.skillwise.events.common.Money;
import java.util.UUID;

/**
 * One course in an order. For a bundle, payment spreads the bundle discount over its lines, so every line says what
 * was really paid for its course (the instructor's earnings are computed per line).
 *
 * @param courseId     the course bought
 * @param instructorId the instructor who owns the course and earns from the line
 * @param courseTitle  the title at the time of the order, for receipts; absent when unknown
 * @param price        the list price
 * @param discount     the part of the price taken off by coupon, sale, bundle or referral; zero when none
 * @param paid         what the buyer pays for this line: {@code price - discount}
 * @param platformFee  the platform's share of {@code paid} under the revenue share in force; the instructor earns
 *                     {@code paid - platformFee} less any affiliate commission. Set once the order is paid, absent
 *                     in {@link CheckoutStarted}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderLine(
        UUID courseId,
        UUID instructorId,
        String courseTitle,
        Money price,
        Money discount,
        Money paid,
        Money platformFee) {

    public OrderLine {
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(price, "price");
        requireNonNull(discount, "discount");
        requireNonNull(paid, "paid");
        if (!price.currency().equals(discount.currency()) || !price.currency().equals(paid.currency())
                || price.amount() - discount.amount() != paid.amount()) {
            throw new IllegalArgumentException(
                    "line for course " + courseId + ": paid " + paid + " is not price " + price + " less " + discount);
        }
        if (platformFee != null
                && (!platformFee.currency().equals(paid.currency()) || platformFee.amount() > paid.amount())) {
            throw new IllegalArgumentException("line for course " + courseId + ": fee " + platformFee + " exceeds " + paid);
        }
    }
}
