package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.skillwise.events.common.Money;
import java.util.UUID;

/**
 * One course's part of a month's subscription pool.
 *
 * @param courseId        the course
 * @param consumedSeconds how much of the course subscribers consumed in the month: the durations of the lessons they
 *                        completed through their subscription, as the rule counts them
 * @param gross           the course's part of the pool, before the platform fee
 * @param platformFee     the platform's share of {@code gross}; the instructor earns {@code gross - platformFee}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RevenueShareLine(UUID courseId, long consumedSeconds, Money gross, Money platformFee) {

    public RevenueShareLine {
        requireNonNull(courseId, "courseId");
        requireNonNull(gross, "gross");
        requireNonNull(platformFee, "platformFee");
        if (consumedSeconds <= 0 || !gross.currency().equals(platformFee.currency())
                || platformFee.amount() > gross.amount()) {
            throw new IllegalArgumentException("share of course " + courseId + ": " + consumedSeconds + " s, fee "
                    + platformFee + " of " + gross);
        }
    }
}
