package io.skillwise.kit.messaging.testapp;

import io.skillwise.events.Topics;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Applies order events as enrollment-service does (inbox and change in one transaction), noting each effect in the
 * order it was applied, so a test can check that nothing was lost, doubled or reordered. Off unless a test turns it on.
 */
@Component
class PurchaseListener {

    static final String TOPIC = Topics.PAYMENT_ORDER + "${skillwise.outbox.topic-suffix:}";

    private final Inbox inbox;
    private final JdbcClient jdbc;

    PurchaseListener(Inbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = "purchases", topics = TOPIC, autoStartup = "${testapp.purchases.enabled:false}")
    void on(IncomingEvent event) {
        switch (event.event()) {
            case CoursePurchased purchased -> inbox.processOnce(event, e -> note(purchased.orderId(), "purchased"));
            case PaymentRefunded refunded -> inbox.processOnce(event, e -> note(refunded.orderId(), "refunded"));
            default -> {
            }
        }
    }

    private void note(UUID orderId, String effect) {
        jdbc.sql("insert into purchase_effect (order_id, effect) values (:order, :effect)")
                .param("order", orderId).param("effect", effect).update();
    }
}
