package io.skillwise.payment.support;

import io.skillwise.events.DomainEvent;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.UUID;


/** What other services would put on Kafka, and what a downstream consumer would read from it. */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    /** Publishes an event as catalog-service's outbox relay would: CloudEvents binary mode. */
    public static void publish(String bootstrapServers, DomainEvent event) {
        TopicRecords.send(bootstrapServers, List.of(TopicRecords.cloudEvent(event, UUID.randomUUID(), "catalog-service")));
    }

    /** Every record of the topic with this key, from the beginning. */
    public static List<ConsumerRecord<String, String>> withKey(String bootstrapServers, String topic, String key) {
        return TopicRecords.readAll(bootstrapServers, topic).stream().filter(r -> key.equals(r.key())).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicRecords.header(record, name);
    }
}
