package io.skillwise.kit.messaging.deadletter;

import java.time.Instant;

/**
 * One record this service could not process, as it sits in {@code <topic>.dlt}.
 *
 * @param deadLetterPartition where it is in the dead-letter topic
 * @param deadLetterOffset    where it is in the dead-letter topic
 * @param topic               the topic it came from
 * @param partition           its partition there
 * @param offset              its offset there
 * @param consumerGroup       the consumer group that failed on it
 * @param eventId             its {@code ce_id}, or null when it had none (malformed)
 * @param eventType           its {@code ce_type}, or null
 * @param key                 the record key (aggregate id)
 * @param deadLetteredAt      when it was written to the dead-letter topic
 * @param exception           the failure's class ({@code kafka_dlt-exception-cause-fqcn})
 * @param message             the failure's message
 */
public record DeadLetter(int deadLetterPartition, long deadLetterOffset, String topic, int partition, long offset,
                         String consumerGroup, String eventId, String eventType, String key, Instant deadLetteredAt,
                         String exception, String message) {
}
