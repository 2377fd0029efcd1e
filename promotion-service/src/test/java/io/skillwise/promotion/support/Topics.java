package io.skillwise.promotion.support;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.DomainEvent;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.promotion.PromotionEvent;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Puts events on the real topics the way the other services' outbox relays do, and reads what promotion-service
 * published.
 */
public final class Topics {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrapServers;

    public Topics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static ProducerRecord<String, String> record(DomainEvent event) {
        String pkg = event.getClass().getPackageName();
        return TopicRecords.cloudEvent(event, UUID.randomUUID(), pkg.substring(pkg.lastIndexOf('.') + 1) + "-service");
    }

    public void send(DomainEvent... events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (DomainEvent event : events) {
            records.add(record(event));
        }
        send(records);
    }

    public void send(List<ProducerRecord<String, String>> records) {
        TopicRecords.send(bootstrapServers, records);
    }

    /** Every promotion event of the type on the wire, in offset order per key. */
    public <T extends PromotionEvent> List<T> published(Class<T> type) {
        return TopicRecords.readAll(bootstrapServers, io.skillwise.events.Topics.PROMOTION_PROMOTION).stream()
                .filter(record -> EventCatalog.byType(TopicRecords.header(record, CloudEventHeaders.TYPE))
                        .map(d -> d.eventClass().equals(type)).orElse(false))
                .map(record -> JSON.readValue(record.value(), type))
                .toList();
    }
}
