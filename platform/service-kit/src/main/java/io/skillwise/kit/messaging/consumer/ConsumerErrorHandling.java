package io.skillwise.kit.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.ConsumerProperties;
import io.skillwise.kit.messaging.UnprocessableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handling every listener gets, by what the failure says about the record ({@link FailureKind}):
 * <ul>
 *     <li><b>poison</b> ({@link UnprocessableEventException}, malformed or undeserialisable records): published to
 *     {@code <topic>.dlt} at once, its offset committed, the partition moves on;</li>
 *     <li><b>transient</b> (a store or the broker away, timeouts, lock conflicts): redelivered with exponential
 *     backoff, capped at {@code skillwise.consumer.transient-max-backoff}, for as long as it takes. The consumer
 *     waits on the record, so nothing behind it on the partition overtakes it and nothing goes to the DLT;
 *     {@link StalledPartitions} makes the wait visible (health, gauges, one log line at each end);</li>
 *     <li><b>anything else</b> (a bug): {@code skillwise.consumer.retries} redeliveries, then the DLT, so one broken
 *     handler cannot stop a partition for good.</li>
 * </ul>
 * Dead letters carry the failure in {@code kafka_dlt-*} headers, including the consumer group, which is how
 * {@link io.skillwise.kit.messaging.deadletter.DeadLetters} replays a service's own dead letters after a fix.
 */
public final class ConsumerErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandling.class);

    private ConsumerErrorHandling() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, ConsumerProperties properties,
                                                   MeterRegistry meters, StalledPartitions stalls) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                ConsumerErrorHandling::deadLetterTopic);
        // Spring logs retries but not the hand-over to the DLT: say it once, loudly, and count it for alerting.
        ConsumerRecordRecoverer recoverer = (record, failure) -> {
            deadLetters.accept(record, failure);
            meters.counter("skillwise.consumer.dead.letters", "topic", record.topic()).increment();
            log.warn("record {}-{}@{} ({} {}) cannot be processed and went to the dead-letter topic ({}): {}",
                    record.topic(), record.partition(), record.offset(), StalledPartitions.header(record, CloudEventHeaders.TYPE),
                    StalledPartitions.header(record, CloudEventHeaders.ID), FailureKind.of(failure), FailureKind.rootCause(failure));
        };
        ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(properties.retries());
        bounded.setInitialInterval(properties.initialBackoff().toMillis());
        bounded.setMultiplier(properties.backoffMultiplier());
        bounded.setMaxInterval(properties.maxBackoff().toMillis());
        BackOff unlimited = transientBackOff(properties);

        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, bounded);
        handler.addNotRetryableExceptions(UnprocessableEventException.class);
        handler.setBackOffFunction((record, failure) -> FailureKind.of(failure) == FailureKind.TRANSIENT ? unlimited : null);
        // a record that failed for a transient reason and then for another starts its count afresh
        handler.setResetStateOnExceptionChange(true);
        handler.setRetryListeners(stalls, new FailureLog());
        // every failed attempt is logged by FailureLog and StalledPartitions, without a stack trace per retry
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    static BackOff transientBackOff(ConsumerProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.initialBackoff().toMillis(),
                properties.backoffMultiplier());
        backOff.setMaxInterval(properties.transientMaxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Integer.MAX_VALUE);
        return backOff;
    }

    // No fixed partition: the DLT may have fewer partitions than the topic; the key keeps an aggregate's dead letters
    // together anyway.
    private static TopicPartition deadLetterTopic(ConsumerRecord<?, ?> record, Exception failure) {
        if (record.topic().endsWith(Topics.DLT_SUFFIX)) {
            return null; // a listener on a dead-letter topic failed: log and skip, never a .dlt.dlt
        }
        return new TopicPartition(Topics.dlt(record.topic()), -1);
    }

    /** One line per failed delivery that is not transient (those are {@link StalledPartitions}' to report). */
    private static final class FailureLog implements RetryListener {

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
            FailureKind kind = FailureKind.of(failure);
            if (kind == FailureKind.TRANSIENT) {
                return;
            }
            String type = StalledPartitions.header(record, CloudEventHeaders.TYPE);
            String id = StalledPartitions.header(record, CloudEventHeaders.ID);
            if (kind == FailureKind.UNKNOWN && deliveryAttempt == 1) {
                // the first time with the stack trace: an unexpected failure is most likely a bug to find
                log.warn("record {}-{}@{} ({} {}) failed, delivery {}", record.topic(), record.partition(),
                        record.offset(), type, id, deliveryAttempt, failure);
            } else {
                log.warn("record {}-{}@{} ({} {}) failed, delivery {} ({}): {}", record.topic(), record.partition(),
                        record.offset(), type, id, deliveryAttempt, kind, FailureKind.rootCause(failure));
            }
        }
    }
}
