package io.skillwise.promotion.purchase;

import io.skillwise.events.Topics;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Paid orders count redemptions and earn commissions; refunds and lost disputes reverse commissions. */
@Component
class OrderEventsListener {

    private final Inbox inbox;
    private final PurchaseService purchases;

    OrderEventsListener(Inbox inbox, PurchaseService purchases) {
        this.inbox = inbox;
        this.purchases = purchases;
    }

    @KafkaListener(topics = Topics.PAYMENT_ORDER)
    void on(IncomingEvent event) {
        switch (event.event()) {
            case CoursePurchased purchased -> inbox.processOnce(event, e -> purchases.purchased(purchased));
            case PaymentRefunded refunded -> inbox.processOnce(event, e -> purchases.refunded(refunded));
            case DisputeClosed closed -> inbox.processOnce(event, e -> purchases.disputeClosed(closed));
            default -> {
                // checkouts, failures and open disputes change nothing here
            }
        }
    }
}
