package io.skillwise.kit.messaging.consumer;

import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.ConsumerProperties;
import io.skillwise.kit.messaging.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The error handling every listener gets: a failing record is redelivered a few times with exponential backoff
 * (a database hiccup, a lock timeout), then published to {@code <topic>.dlt} with the failure in its headers, and its
 * offset committed, so a poison record holds its partition for about a second and never blocks it. A malformed record
 * ({@link MalformedEventException}, undeserialisable payloads) is dead-lettered at once: retrying cannot help.
 */
public final class ConsumerErrorHandling {

    private ConsumerErrorHandling() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, ConsumerProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                ConsumerErrorHandling::deadLetterTopic);
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.initialBackoff().toMillis());
        backOff.setMultiplier(properties.backoffMultiplier());
        backOff.setMaxInterval(properties.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    // No fixed partition: the DLT may have fewer partitions than the topic; the key keeps an aggregate's dead letters
    // together anyway.
    private static TopicPartition deadLetterTopic(ConsumerRecord<?, ?> record, Exception failure) {
        return new TopicPartition(Topics.dlt(record.topic()), -1);
    }
}
