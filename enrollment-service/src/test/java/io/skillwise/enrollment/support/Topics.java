package io.skillwise.enrollment.support;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.DomainEvent;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Puts events on the real topics the way the other services' outbox relays do (CloudEvents binary mode, key =
 * aggregate id), and reads what enrollment-service published.
 */
public final class Topics {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrapServers;

    public Topics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A publication of the event with a fresh {@code ce_id}. */
    public static ProducerRecord<String, String> record(DomainEvent event, String producer) {
        return record(event, UUID.randomUUID(), producer);
    }

    public static ProducerRecord<String, String> record(DomainEvent event, UUID eventId, String producer) {
        return TopicRecords.cloudEvent(event, eventId, producer);
    }

    public void send(List<ProducerRecord<String, String>> records) {
        TopicRecords.send(bootstrapServers, records);
    }

    public void send(DomainEvent... events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (DomainEvent event : events) {
            records.add(record(event, producerOf(event)));
        }
        send(records);
    }

    /** Every enrollment event on the wire about one learner, in offset order per enrollment. */
    public List<EnrollmentEvent> enrollmentEventsOf(UUID studentId) {
        return readAll(io.skillwise.events.Topics.ENROLLMENT_ENROLLMENT).stream()
                .map(record -> (EnrollmentEvent) JSON.readValue(record.value(),
                        EventCatalog.byType(header(record, CloudEventHeaders.TYPE)).orElseThrow().eventClass()))
                .filter(event -> event.studentId().equals(studentId))
                .toList();
    }

    private List<ConsumerRecord<String, String>> readAll(String topic) {
        return TopicRecords.readAll(bootstrapServers, topic);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicRecords.header(record, name);
    }

    private static String producerOf(DomainEvent event) {
        String pkg = event.getClass().getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1) + "-service";
    }
}
