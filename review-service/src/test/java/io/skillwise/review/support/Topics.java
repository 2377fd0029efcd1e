package io.skillwise.review.support;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.DomainEvent;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.review.ReviewEvent;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Kafka as the other services see it: their events put on the real topics, review-service's read back. */
public final class Topics {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrapServers;

    public Topics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The record another service's outbox relay would publish for the event, with a fresh {@code ce_id}. */
    public static ProducerRecord<String, String> record(DomainEvent event) {
        return TopicRecords.cloudEvent(event, UUID.randomUUID(), EventCatalog.of(event.getClass()).context()
                + "-service");
    }

    public void send(DomainEvent... events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (DomainEvent event : events) {
            records.add(record(event));
        }
        send(records);
    }

    /** Records as they are, e.g. the same record twice to prove a redelivery changes nothing. */
    public void send(List<ProducerRecord<String, String>> records) {
        TopicRecords.send(bootstrapServers, records);
    }

    /** review-service's events about one course, in the order they are on the wire (one partition per course). */
    public List<ReviewEvent> reviewEventsOf(UUID courseId) {
        List<ReviewEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicRecords.readAll(bootstrapServers,
                io.skillwise.events.Topics.REVIEW_REVIEW)) {
            if (courseId.toString().equals(record.key())) {
                EventCatalog.byType(TopicRecords.header(record, CloudEventHeaders.TYPE))
                        .map(descriptor -> (ReviewEvent) JSON.readValue(record.value(), descriptor.eventClass()))
                        .ifPresent(events::add);
            }
        }
        return events;
    }

    /** The course's events of one type, in order. */
    public <T extends ReviewEvent> List<T> reviewEventsOf(UUID courseId, Class<T> type) {
        return reviewEventsOf(courseId).stream().filter(type::isInstance).map(type::cast).toList();
    }
}
