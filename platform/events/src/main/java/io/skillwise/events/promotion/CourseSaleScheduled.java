package io.skillwise.events.promotion;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A course will sell at a lower price for a period, without any code: a sale. payment-service keeps the sales of
 * each course so that a checkout without a code gets the sale price without calling promotion-service. A sale whose
 * window or price changes is published again under the same id; the newest publication wins. Key: sale id, so a
 * sale's changes and its cancellation stay in order.
 *
 * @param saleId       the sale
 * @param courseId     the course on sale
 * @param instructorId the instructor who owns the course
 * @param salePrice    what the course costs during the sale, in the course's currency; below its list price
 * @param startsAt     start of the sale, inclusive
 * @param endsAt       end of the sale, exclusive
 * @param campaignId   the campaign the sale belongs to; absent when none
 * @param occurredAt   when the sale was scheduled or changed
 */
public record CourseSaleScheduled(
        UUID saleId,
        UUID courseId,
        UUID instructorId,
        Money salePrice,
        Instant startsAt,
        Instant endsAt,
        UUID campaignId,
        Instant occurredAt) implements PromotionEvent {

    public CourseSaleScheduled {
        requireNonNull(saleId, "saleId");
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(salePrice, "salePrice");
        requireNonNull(startsAt, "startsAt");
        requireNonNull(endsAt, "endsAt");
        requireNonNull(occurredAt, "occurredAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("sale " + saleId + " ends before it starts");
        }
    }

    /** True when the sale price applies at {@code instant}. */
    public boolean activeAt(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }

    @Override
    public String aggregateId() {
        return saleId.toString();
    }
}
