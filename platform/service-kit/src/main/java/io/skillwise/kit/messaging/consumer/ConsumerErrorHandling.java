package io.skillwise.kit.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.ConsumerProperties;
import io.skillwise.kit.messaging.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import java.nio.charset.StandardCharsets;

/**
 * The error handling every listener gets: a failing record is redelivered a few times with exponential backoff
 * (a database hiccup, a lock timeout), then published to {@code <topic>.dlt} with the failure in its headers, and its
 * offset committed, so a poison record holds its partition for about a second and never blocks it. A malformed record
 * ({@link MalformedEventException}, undeserialisable payloads) is dead-lettered at once: retrying cannot help.
 */
public final class ConsumerErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandling.class);

    private ConsumerErrorHandling() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, ConsumerProperties properties,
                                                   MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                ConsumerErrorHandling::deadLetterTopic);
        // Spring logs retries but not the hand-over to the DLT: say it once, loudly, and count it for alerting.
        ConsumerRecordRecoverer recoverer = (record, failure) -> {
            deadLetters.accept(record, failure);
            meters.counter("skillwise.consumer.dead.letters", "topic", record.topic()).increment();
            log.warn("record {}-{}@{} ({} {}) cannot be processed and went to the dead-letter topic: {}",
                    record.topic(), record.partition(), record.offset(), header(record, CloudEventHeaders.TYPE),
                    header(record, CloudEventHeaders.ID), rootMessage(failure));
        };
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.initialBackoff().toMillis());
        backOff.setMultiplier(properties.backoffMultiplier());
        backOff.setMaxInterval(properties.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    // No fixed partition: the DLT may have fewer partitions than the topic; the key keeps an aggregate's dead letters
    // together anyway.
    private static TopicPartition deadLetterTopic(ConsumerRecord<?, ?> record, Exception failure) {
        if (record.topic().endsWith(Topics.DLT_SUFFIX)) {
            return null; // a listener on a dead-letter topic failed: log and skip, never a .dlt.dlt
        }
        return new TopicPartition(Topics.dlt(record.topic()), -1);
    }
}
