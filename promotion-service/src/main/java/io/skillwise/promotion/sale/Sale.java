package io.skillwise.promotion.sale;

import io.skillwise.events.common.Money;

import java.time.Instant;
import java.util.UUID;

/** A course sold at a lower price for a period, without any code. */
public record Sale(UUID id, UUID courseId, UUID instructorId, Money salePrice, Instant startsAt, Instant endsAt,
                   UUID campaignId, SaleStatus status, UUID createdBy, Instant createdAt, Instant updatedAt) {

    public enum SaleStatus { SCHEDULED, CANCELLED }

    public boolean activeAt(Instant instant) {
        return status == SaleStatus.SCHEDULED && !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }
}
