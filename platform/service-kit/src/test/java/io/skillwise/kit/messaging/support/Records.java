package io.skillwise.kit.messaging.support;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.DomainEvent;
import io.skillwise.events.common.Money;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Hand-made records, well-formed or deliberately not, as another service (or a broken one) would send them. */
public final class Records {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Records() {
    }

    public static UserProfileUpdated profileUpdated(UUID userId, String displayName, long revision) {
        return new UserProfileUpdated(userId, displayName, "revision " + revision, null, List.of(), List.of("displayName"),
                userId, Instant.now());
    }

    /** A paid order of one course, as payment-service publishes it. */
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

    /** A well-formed CloudEvent for any event of the catalog, on {@code topic} (the catalog's, with a test suffix). */
    public static ProducerRecord<String, String> cloudEvent(String topic, DomainEvent event) {
        ProducerRecord<String, String> record = TopicRecords.cloudEvent(event, UUID.randomUUID(), "payment-service");
        return new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers());
    }

    /** A well-formed CloudEvent for the event, with the given ce_id, on the given partition. */
    public static ProducerRecord<String, String> cloudEvent(String topic, Integer partition, UUID eventId,
                                                            UserProfileUpdated event) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(event, eventId.toString(), "identity-service")
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, partition, event.aggregateId(), JSON.writeValueAsString(event), headers);
    }

    /** The same record with a header set to another value, or removed when {@code value} is null. */
    public static ProducerRecord<String, String> withHeader(ProducerRecord<String, String> record, String name,
                                                            String value) {
        RecordHeaders copy = new RecordHeaders();
        record.headers().forEach(header -> {
            if (!header.key().equals(name)) {
                copy.add(header);
            }
        });
        if (value != null) {
            copy.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(), copy);
    }

    /** The same record with another body. */
    public static ProducerRecord<String, String> withBody(ProducerRecord<String, String> record, String body) {
        return new ProducerRecord<>(record.topic(), record.partition(), record.key(), body, record.headers());
    }
}
