package io.skillwise.kit.messaging.outbox;

import io.skillwise.kit.messaging.OutboxEntry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventSenderTest {

    private static final Instant OCCURRED = Instant.parse("2026-11-25T10:15:30.123Z");

    @Test
    void publishesABinaryModeCloudEventKeyedByTheAggregate() {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        OutboxEntry entry = new OutboxEntry(UUID.randomUUID().toString(), "payment.order.v1",
                "io.skillwise.payment.CoursePurchased.v1", "order-7", "{\"orderId\":\"order-7\"}", OCCURRED,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", Instant.now());

        List<CloudEventSender.Outcome> outcomes = sender(producer).send(List.of(entry));

        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.published()).isTrue());
        ProducerRecord<String, String> record = producer.history().getFirst();
        assertThat(record.topic()).isEqualTo("payment.order.v1");
        assertThat(record.key()).isEqualTo("order-7");
        assertThat(record.value()).isEqualTo("{\"orderId\":\"order-7\"}");
        assertThat(headers(record)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ce_specversion", "1.0",
                "ce_id", entry.eventId(),
                "ce_source", "/skillwise/payment-service",
                "ce_type", "io.skillwise.payment.CoursePurchased.v1",
                "ce_time", "2026-11-25T10:15:30.123Z",
                "ce_subject", "order-7",
                "content-type", "application/json",
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
    }

    @Test
    void reportsEachFailureWithoutThrowing() {
        MockProducer<String, String> producer = new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
        CloudEventSender sender = sender(producer);
        OutboxEntry first = entry("a");
        OutboxEntry second = entry("b");
        Thread.ofVirtual().start(() -> {
            while (producer.history().size() < 2) {
                Thread.onSpinWait();
            }
            producer.completeNext();
            producer.errorNext(new TimeoutException("broker away"));
        });

        List<CloudEventSender.Outcome> outcomes = sender.send(List.of(first, second));

        assertThat(outcomes).extracting(CloudEventSender.Outcome::published).containsExactly(true, false);
        assertThat(outcomes.get(1).failure()).isInstanceOf(TimeoutException.class);
    }

    @Test
    void theRelayProducerIsIdempotentAndGivesUpOnADeadBrokerInSeconds() {
        Map<String, Object> config = CloudEventSender.relayProducerConfig(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1", ProducerConfig.ACKS_CONFIG, "1"),
                "catalog-service", Duration.ofSeconds(5));

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2500L)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    }

    private static CloudEventSender sender(MockProducer<String, String> producer) {
        return new CloudEventSender(Map.of(), "payment-service", OutboxTracing.disabled(), Duration.ofSeconds(5),
                config -> producer);
    }

    private static OutboxEntry entry(String key) {
        return new OutboxEntry(UUID.randomUUID().toString(), "t", "io.skillwise.x.Y.v1", key, "{}", OCCURRED, null,
                Instant.now());
    }

    private static Map<String, String> headers(ProducerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
