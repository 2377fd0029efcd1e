package io.skillwise.payment.promotion;

import io.skillwise.events.Topics;
import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.events.promotion.CourseSaleCancelled;
import io.skillwise.events.promotion.CourseSaleScheduled;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import io.skillwise.payment.earnings.EarningsService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Sales (for local pricing) and affiliate commissions (for the earnings ledger); each event applied once. */
@Component
public class PromotionEventsListener {

    private final Inbox inbox;
    private final SaleService sales;
    private final EarningsService earnings;

    public PromotionEventsListener(Inbox inbox, SaleService sales, EarningsService earnings) {
        this.inbox = inbox;
        this.sales = sales;
        this.earnings = earnings;
    }

    @KafkaListener(topics = Topics.PROMOTION_PROMOTION)
    void on(IncomingEvent event) {
        switch (event.event()) {
            case CourseSaleScheduled sale -> inbox.processOnce(event, e -> sales.scheduled(sale));
            case CourseSaleCancelled cancelled -> inbox.processOnce(event, e -> sales.cancelled(cancelled));
            case AffiliateCommissionEarned earned -> inbox.processOnce(event, e -> earnings.commissionEarned(earned));
            case AffiliateCommissionReversed reversed ->
                    inbox.processOnce(event, e -> earnings.commissionReversed(reversed));
            default -> { }
        }
    }
}
