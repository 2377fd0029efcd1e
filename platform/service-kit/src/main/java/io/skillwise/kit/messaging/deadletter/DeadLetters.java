package io.skillwise.kit.messaging.deadletter;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.consumer.FailureKind;
import io.skillwise.kit.web.ApiException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.GenericMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * This service's dead letters of a topic: reads {@code <topic>.dlt} from the beginning up to its end at the time of
 * the call, keeps the records that one of this service's consumer groups failed on
 * ({@code kafka_dlt-original-consumer-group}), and replays them <em>into the listener</em> that failed on them, in
 * dead-letter order, as the record it originally was (topic, partition, offset, key, body and CloudEvents headers).
 *
 * <p>Why into the listener and not back onto the topic: the topic is shared by every consuming service, and the
 * dead letter is this service's alone. A replay writes nothing to Kafka, so it cannot loop, and running it twice
 * changes nothing more than running it once: the record keeps its {@code ce_id}, the handler's inbox recognises what
 * it has applied, and a failed handler never recorded its id (its inbox row rolled back with the change). A record
 * that fails again stays where it is and is reported.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";

    private final Supplier<Collection<MessageListenerContainer>> listenerContainers;
    private final ConsumerFactory<?, ?> consumers;
    private final Duration readTimeout;

    /** @param listenerContainers this service's listener containers (the Kafka listener endpoint registry's) */
    public DeadLetters(Supplier<Collection<MessageListenerContainer>> listenerContainers, ConsumerFactory<?, ?> consumers,
                       Duration readTimeout) {
        this.listenerContainers = listenerContainers;
        this.consumers = consumers;
        this.readTimeout = readTimeout;
    }

    /** The dead letters of {@code topic} that this service's listeners left, oldest first. */
    public List<DeadLetter> list(String topic) {
        Map<String, MessageListenerContainer> listeners = listenersOf(topic);
        return read(topic, listeners.keySet()).stream().map(Read::deadLetter).toList();
    }

    /**
     * Replays this service's dead letters of {@code topic} into their listeners.
     *
     * @param eventIds only these {@code ce_id}s; all when empty
     */
    public ReplayReport replay(String topic, Collection<String> eventIds) {
        Map<String, MessageListenerContainer> listeners = listenersOf(topic);
        Set<String> wanted = new LinkedHashSet<>(eventIds);
        Set<String> seen = new HashSet<>();
        List<ReplayReport.Outcome> outcomes = new ArrayList<>();
        int replayed = 0;
        for (Read read : read(topic, listeners.keySet())) {
            DeadLetter letter = read.deadLetter();
            if (!wanted.isEmpty() && !wanted.contains(letter.eventId())) {
                continue;
            }
            // a record dead-lettered twice (redelivered after a crash) is replayed once
            if (letter.eventId() != null && !seen.add(letter.consumerGroup() + "/" + letter.eventId())) {
                continue;
            }
            ReplayReport.Outcome outcome = replayOne(read, listeners.get(letter.consumerGroup()));
            if (outcome.error() == null) {
                replayed++;
            }
            outcomes.add(outcome);
        }
        List<String> notFound = wanted.stream()
                .filter(id -> outcomes.stream().noneMatch(o -> id.equals(o.deadLetter().eventId()))).toList();
        log.info("replayed {} of {} dead letters of {} ({} failed again)", replayed, outcomes.size(), topic,
                outcomes.size() - replayed);
        return new ReplayReport(topic, replayed, outcomes.size() - replayed, outcomes, notFound);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ReplayReport.Outcome replayOne(Read read, MessageListenerContainer container) {
        DeadLetter letter = read.deadLetter();
        Object listener = container.getContainerProperties().getMessageListener();
        if (!(listener instanceof GenericMessageListener messageListener)) {
            throw new IllegalStateException("the listener of " + letter.topic() + " is not a message listener");
        }
        // a batch listener gets the record as a batch of one
        Object data = listener instanceof BatchMessageListener ? List.of(read.original()) : read.original();
        try {
            messageListener.onMessage(data, null, null);
            log.info("dead letter {} ({} {}) replayed into consumer group {}", letter.eventId(), letter.eventType(),
                    letter.topic(), letter.consumerGroup());
            return new ReplayReport.Outcome(letter, "REPLAYED", null, null);
        } catch (RuntimeException e) {
            String error = FailureKind.rootCause(e);
            log.warn("dead letter {} ({} {}) failed again and stays in the dead-letter topic: {}", letter.eventId(),
                    letter.eventType(), letter.topic(), error);
            return new ReplayReport.Outcome(letter, "FAILED", FailureKind.of(e).name(), error);
        }
    }

    /** The listener container of each consumer group of this service that reads {@code topic}. */
    private Map<String, MessageListenerContainer> listenersOf(String topic) {
        Map<String, MessageListenerContainer> byGroup = new HashMap<>();
        for (MessageListenerContainer container : listenerContainers.get()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (topics != null && Arrays.asList(topics).contains(topic) && container.getGroupId() != null) {
                byGroup.putIfAbsent(container.getGroupId(), container);
            }
        }
        if (byGroup.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "This service has no listener on topic '"
                    + topic + "', so it has no dead letters of it.");
        }
        return byGroup;
    }

    private List<Read> read(String topic, Set<String> groups) {
        String deadLetterTopic = Topics.dlt(topic);
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Read> found = new ArrayList<>();
        try (Consumer<?, ?> consumer = consumers.createConsumer(null, "dead-letters", null, overrides)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(deadLetterTopic, readTimeout);
            if (partitions == null || partitions.isEmpty()) {
                return found;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, readTimeout);
            long deadline = System.nanoTime() + readTimeout.toNanos();
            while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), readTimeout) >= e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable",
                            "The dead-letter topic " + deadLetterTopic + " could not be read in " + readTimeout.toSeconds() + " s.");
                }
                ConsumerRecords<?, ?> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<?, ?> record : records) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        Read read = Read.of(record);
                        if (read != null && read.deadLetter().topic().equals(topic)
                                && groups.contains(read.deadLetter().consumerGroup())) {
                            found.add(read);
                        }
                    }
                }
            }
        } catch (TimeoutException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable",
                    "Kafka did not answer in time; try again when it is back.");
        }
        found.sort(Comparator.comparing((Read r) -> r.deadLetter().deadLetteredAt())
                .thenComparingInt(r -> r.deadLetter().deadLetterPartition())
                .thenComparingLong(r -> r.deadLetter().deadLetterOffset()));
        return found;
    }

    /** A dead letter and the record it was before it failed. */
    private record Read(DeadLetter deadLetter, ConsumerRecord<Object, Object> original) {

        /** Null for a record without the headers the kit's dead-letter publisher writes. */
        static Read of(ConsumerRecord<?, ?> record) {
            Optional<String> topic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
            Optional<String> group = text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
            Header partition = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
            Header offset = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
            if (topic.isEmpty() || group.isEmpty() || partition == null || offset == null) {
                return null;
            }
            int originalPartition = ByteBuffer.wrap(partition.value()).getInt();
            long originalOffset = ByteBuffer.wrap(offset.value()).getLong();
            Header timestamp = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
            long originalTimestamp = timestamp == null ? record.timestamp() : ByteBuffer.wrap(timestamp.value()).getLong();
            RecordHeaders headers = new RecordHeaders();
            for (Header header : record.headers()) {
                if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                    headers.add(header);
                }
            }
            ConsumerRecord<Object, Object> original = new ConsumerRecord<>(topic.get(), originalPartition, originalOffset,
                    originalTimestamp, TimestampType.CREATE_TIME, -1, -1, record.key(), record.value(), headers,
                    Optional.empty());
            DeadLetter letter = new DeadLetter(record.partition(), record.offset(), topic.get(), originalPartition,
                    originalOffset, group.get(), text(record, CloudEventHeaders.ID).orElse(null),
                    text(record, CloudEventHeaders.TYPE).orElse(null), record.key() == null ? null : record.key().toString(),
                    Instant.ofEpochMilli(record.timestamp()),
                    text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN).or(() -> text(record, KafkaHeaders.DLT_EXCEPTION_FQCN)).orElse(null),
                    text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE).orElse(null));
            return new Read(letter, original);
        }

        private static Optional<String> text(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value() == null ? Optional.empty()
                    : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
        }
    }
}
