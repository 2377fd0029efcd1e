package io.skillwise.promotion.sale;

import io.skillwise.events.common.Money;
import io.skillwise.promotion.sale.Sale.SaleStatus;

import java.time.Instant;
import java.util.UUID;

public record SaleView(UUID id, UUID courseId, UUID instructorId, Money salePrice, Instant startsAt, Instant endsAt,
                       UUID campaignId, SaleStatus status, Instant createdAt, Instant updatedAt) {

    static SaleView of(Sale sale) {
        return new SaleView(sale.id(), sale.courseId(), sale.instructorId(), sale.salePrice(), sale.startsAt(),
                sale.endsAt(), sale.campaignId(), sale.status(), sale.createdAt(), sale.updatedAt());
    }
}
