package io.skillwise.testsupport;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.DomainEvent;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.EventDescriptor;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Kafka as the other services see it, for tests.
 *
 * <pre>{@code
 * TopicRecords kafka = TopicRecords.on(bootstrapServers);
 * kafka.publish(coursePublished, purchase);                  // as catalog's and payment's outbox relays would
 * kafka.send(List.of(record, record));                       // exactly these records, duplicates included
 * List<StudentEnrolled> enrolled = kafka.events(StudentEnrolled.class);
 * }</pre>
 *
 * Records are built the way the kit's outbox relay publishes them: CloudEvents binary mode (the {@code ce_*}
 * headers of {@link CloudEventHeaders}), the aggregate id as key, the event as JSON, on the event's topic from the
 * {@link EventCatalog}. A topic is read from the beginning the way an auditor would: every record on the wire,
 * duplicates included.
 */
public final class TopicRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrapServers;

    private TopicRecords(String bootstrapServers) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    }

    /** The broker at these bootstrap servers ({@code spring.kafka.bootstrap-servers} in a Spring test). */
    public static TopicRecords on(String bootstrapServers) {
        return new TopicRecords(bootstrapServers);
    }

    /** The record the producing service's relay would publish for this event, under a fresh {@code ce_id}. */
    public static ProducerRecord<String, String> cloudEvent(DomainEvent event) {
        return cloudEvent(event, UUID.randomUUID());
    }

    /** The same, under a given {@code ce_id} (a redelivery reuses it). */
    public static ProducerRecord<String, String> cloudEvent(DomainEvent event, UUID eventId) {
        return cloudEvent(event, eventId, producerOf(event));
    }

    /** The same, as if another service had published it. */
    public static ProducerRecord<String, String> cloudEvent(DomainEvent event, UUID eventId, String producerService) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(event, eventId.toString(), producerService)
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        String topic = EventCatalog.of(event.getClass()).topic();
        return new ProducerRecord<>(topic, null, event.aggregateId(), JSON.writeValueAsString(event), headers);
    }

    /** The service whose package the event belongs to: {@code io.skillwise.events.catalog} is catalog-service. */
    public static String producerOf(DomainEvent event) {
        return EventCatalog.of(event.getClass()).context() + "-service";
    }

    /** The same record on another topic and partition ({@code null}: the key decides). */
    public static ProducerRecord<String, String> onTopic(ProducerRecord<String, String> record, String topic,
                                                         Integer partition) {
        return new ProducerRecord<>(topic, partition, record.key(), record.value(), record.headers());
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

    /** The same record with another body, e.g. broken JSON. */
    public static ProducerRecord<String, String> withBody(ProducerRecord<String, String> record, String body) {
        return new ProducerRecord<>(record.topic(), record.partition(), record.key(), body, record.headers());
    }

    /** The value of a header of a record read from a topic, or {@code null}. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes each event as its producer's relay would, each under a fresh {@code ce_id}, and waits for the acks. */
    public void publish(DomainEvent... events) {
        send(Arrays.stream(events).map(TopicRecords::cloudEvent).toList());
    }

    /** Sends the records as they are, including ones no well-behaved producer would send, and waits for the acks. */
    public void send(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                // Tests send to topics created on first use. An idempotent producer with several batches in flight
                // can then get NOT_LEADER for its first batch while later ones land, and retry it forever with
                // OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout. One batch at a time keeps the order
                // without sequence numbers; a refused batch was not written, so its retry adds no duplicate.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            List<Future<?>> sent = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) {
                sent.add(producer.send(record));
            }
            for (Future<?> ack : sent) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a record", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record of the topic, from the beginning up to what was there when the call started. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "auditor-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Every record of the topic with this key (one aggregate's stream), in offset order. */
    public List<ConsumerRecord<String, String>> withKey(String topic, String key) {
        return readAll(topic).stream().filter(record -> key.equals(record.key())).toList();
    }

    /** Every event on the topic whose type this version of the catalog knows, read back into its record. */
    public List<DomainEvent> eventsOn(String topic) {
        List<DomainEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : readAll(topic)) {
            EventCatalog.byType(header(record, CloudEventHeaders.TYPE))
                    .map(EventDescriptor::eventClass)
                    .ifPresent(type -> events.add(JSON.readValue(record.value(), type)));
        }
        return events;
    }

    /**
     * Every event of this type on the wire, in offset order per key: one event ({@code StudentEnrolled.class}) or a
     * family ({@code EnrollmentEvent.class}: every event of the enrollment topic).
     */
    public <T> List<T> events(Class<T> type) {
        return EventCatalog.all().stream()
                .filter(descriptor -> type.isAssignableFrom(descriptor.eventClass()))
                .map(EventDescriptor::topic).distinct()
                .flatMap(topic -> eventsOn(topic).stream())
                .filter(type::isInstance).map(type::cast).toList();
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
