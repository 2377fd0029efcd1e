package io.skillwise.kit.messaging.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;

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
public record DeadLetter(@Schema(example = "0") int deadLetterPartition,
                         @Schema(example = "17") long deadLetterOffset,
                         @Schema(example = "payment.order.v1") String topic,
                         @Schema(example = "2") int partition,
                         @Schema(example = "1042") long offset,
                         @Schema(example = "enrollment-service") String consumerGroup,
                         @Schema(example = "0f8fad5b-d9cb-469f-a165-70867728950e") String eventId,
                         @Schema(example = "io.skillwise.payment.PaymentCompleted") String eventType,
                         @Schema(example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") String key,
                         Instant deadLetteredAt,
                         @Schema(example = "org.springframework.dao.DataIntegrityViolationException") String exception,
                         @Schema(example = "duplicate key value violates unique constraint \"enrollment_pkey\"")
                         String message) {
}
