package io.skillwise.payment.promotion;

import io.skillwise.events.common.Money;
import io.skillwise.events.promotion.CourseSaleCancelled;
import io.skillwise.events.promotion.CourseSaleScheduled;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Course sales as promotion-service publishes them (ADR 0006): kept here so that a checkout without a code gets
 * the sale price without a call to promotion-service, even while it is down.
 */
@Service
public class SaleService {

    private final SaleRepository sales;

    public SaleService(SaleRepository sales) {
        this.sales = sales;
    }

    @Transactional
    public void scheduled(CourseSaleScheduled sale) {
        sales.upsert(sale);
    }

    @Transactional
    public void cancelled(CourseSaleCancelled cancelled) {
        sales.cancel(cancelled.saleId(), cancelled.courseId(), cancelled.occurredAt());
    }

    /**
     * The discount a checkout without a code gets on this course at {@code at}: list price less the lowest active
     * sale price, never below zero nor above the list price.
     */
    @Transactional(readOnly = true)
    public long saleDiscount(UUID courseId, Money listPrice, Instant at) {
        return sales.lowestActive(courseId, listPrice.currency(), at)
                .map(sale -> Math.max(0, listPrice.amount() - Math.max(0, sale)))
                .orElse(0L);
    }
}
