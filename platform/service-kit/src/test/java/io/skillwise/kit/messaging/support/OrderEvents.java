package io.skillwise.kit.messaging.support;

import io.skillwise.events.DomainEvent;
import io.skillwise.events.common.Money;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Order events as payment-service publishes them, on a test class's own topic. */
public final class OrderEvents {

    private OrderEvents() {
    }

    /** A paid order of one course. */
    public static CoursePurchased purchase(UUID orderId) {
        Money price = new Money(2900, "USD");
        Money none = new Money(0, "USD");
        OrderLine line = new OrderLine(UUID.randomUUID(), UUID.randomUUID(), "A course", price, none, price, null);
        return new CoursePurchased(orderId, UUID.randomUUID(), List.of(line), null, price, none, null, null, null, null,
                null, Instant.now(), Instant.now());
    }

    /** The full refund of that order. */
    public static PaymentRefunded refund(CoursePurchased purchase) {
        return new PaymentRefunded(purchase.orderId(), purchase.buyerId(), UUID.randomUUID(), purchase.total(),
                purchase.courseIds(), true, "changed my mind", purchase.buyerId(), Instant.now());
    }

    /** The event as payment-service's relay would publish it, on {@code topic} (the key decides the partition). */
    public static ProducerRecord<String, String> record(String topic, DomainEvent event) {
        return TopicRecords.onTopic(TopicRecords.cloudEvent(event), topic, null);
    }
}
