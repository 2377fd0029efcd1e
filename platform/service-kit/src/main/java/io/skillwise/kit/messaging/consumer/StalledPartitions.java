package io.skillwise.kit.messaging.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skillwise.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which partitions are held by a record that keeps failing for a transient reason (a store or the broker away):
 * the error handler reports each failed delivery here, and the listener container reports each record a listener
 * processed, which ends the stall. Read by the {@code eventConsumers} health indicator and the
 * {@code skillwise.consumer.stalled*} gauges, and logged once when a stall starts and once when it ends.
 */
public final class StalledPartitions implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(StalledPartitions.class);

    private final Map<Key, Stall> stalls = new ConcurrentHashMap<>();
    private final Clock clock;

    public StalledPartitions(Clock clock) {
        this.clock = clock;
    }

    /**
     * A partition of a consumer group, held at {@code offset} since {@code since}.
     *
     * @param eventType the record's {@code ce_type}, or "-"
     * @param eventId   the record's {@code ce_id}, or "-"
     * @param attempts  failed deliveries so far
     * @param lastError the latest failure's root cause
     */
    public record Stall(String group, String topic, int partition, long offset, String eventType, String eventId,
                        Instant since, int attempts, String lastError) {

        public Duration age(Instant now) {
            return Duration.between(since, now);
        }
    }

    private record Key(String group, String topic, int partition) {
    }

    public void registerMetrics(MeterRegistry meters) {
        Gauge.builder("skillwise.consumer.stalled", stalls, Map::size)
                .description("Partitions held by a record that keeps failing for a transient reason (store or broker away)")
                .register(meters);
        Gauge.builder("skillwise.consumer.stalled.seconds", this, partitions -> partitions.oldest()
                        .map(stall -> stall.age(clock.instant()).toMillis() / 1000.0).orElse(0.0))
                .description("How long the longest-held partition has been retrying its record")
                .register(meters);
    }

    /** Every current stall, oldest first. */
    public List<Stall> current() {
        return stalls.values().stream().sorted(Comparator.comparing(Stall::since)).toList();
    }

    public Clock clock() {
        return clock;
    }

    private Optional<Stall> oldest() {
        return stalls.values().stream().min(Comparator.comparing(Stall::since));
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        Key key = key(record);
        if (FailureKind.of(failure) != FailureKind.TRANSIENT) {
            stalls.remove(key);
            return;
        }
        String error = FailureKind.rootCause(failure);
        Stall previous = stalls.get(key);
        if (previous == null || previous.offset() != record.offset()) {
            log.warn("record {}-{}@{} ({} {}) cannot be processed yet: {}. Retrying with backoff for as long as it "
                            + "takes; its partition waits, so the events of a key stay in order", record.topic(),
                    record.partition(), record.offset(), header(record, CloudEventHeaders.TYPE),
                    header(record, CloudEventHeaders.ID), error);
            stalls.put(key, new Stall(key.group(), record.topic(), record.partition(), record.offset(),
                    header(record, CloudEventHeaders.TYPE), header(record, CloudEventHeaders.ID), clock.instant(), 1, error));
        } else {
            stalls.put(key, new Stall(previous.group(), previous.topic(), previous.partition(), previous.offset(),
                    previous.eventType(), previous.eventId(), previous.since(), previous.attempts() + 1, error));
        }
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        stalls.remove(key(record));
    }

    /**
     * For the listener containers: ends a stall when its partition's record went through. Not a bean of its own, so
     * that a service's own {@code RecordInterceptor} bean is still the one Boot finds.
     */
    public RecordInterceptor<Object, Object> passedRecords() {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                            Consumer<Object, Object> consumer) {
                return record;
            }

            @Override
            public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                passed(record);
            }
        };
    }

    /**
     * The same for batch listeners: a batch that went through ends the stall of every partition it held records of.
     * A batch listener that fails on one record says which with {@code BatchListenerFailedException}; the records
     * before it passed, and that record is retried alone.
     */
    public BatchInterceptor<Object, Object> passedBatches() {
        return new BatchInterceptor<>() {
            @Override
            public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                                                             Consumer<Object, Object> consumer) {
                return records;
            }

            @Override
            public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
                if (!stalls.isEmpty()) {
                    records.partitions().forEach(partition -> passed(records.records(partition).getFirst()));
                }
            }
        };
    }

    private void passed(ConsumerRecord<?, ?> record) {
        if (stalls.isEmpty()) {
            return;
        }
        Stall ended = stalls.remove(key(record));
        if (ended != null) {
            log.info("record {}-{}@{} ({} {}) processed after {} failed attempts in {} s; the partition moves on",
                    record.topic(), record.partition(), record.offset(), ended.eventType(), ended.eventId(),
                    ended.attempts(), ended.age(clock.instant()).toSeconds());
        }
    }

    private static Key key(ConsumerRecord<?, ?> record) {
        String group = KafkaUtils.getConsumerGroupId();
        return new Key(group == null ? "-" : group, record.topic(), record.partition());
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
