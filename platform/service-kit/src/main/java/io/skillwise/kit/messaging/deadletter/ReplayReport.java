package io.skillwise.kit.messaging.deadletter;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * What a replay did.
 *
 * @param topic    the topic whose dead letters were replayed
 * @param replayed records the consumer accepted: applied now, or recognised by its inbox as applied before
 * @param failed   records the consumer refused again; they stay in the dead-letter topic
 * @param records  one outcome per record, in dead-letter order
 * @param notFound requested event ids that are not among this service's dead letters of the topic
 */
public record ReplayReport(@Schema(example = "payment.order.v1") String topic,
                           @Schema(example = "3") int replayed,
                           @Schema(example = "1") int failed,
                           List<Outcome> records,
                           @ArraySchema(schema = @Schema(example = "9b2d4c1e-5f3a-4e8b-a7d6-1c0e2f4a6b8d"))
                           List<String> notFound) {

    /**
     * @param result {@code REPLAYED} or {@code FAILED}
     * @param kind   for a failure: {@code POISON}, {@code TRANSIENT} or {@code UNKNOWN}
     * @param error  for a failure: its root cause
     */
    public record Outcome(DeadLetter deadLetter,
                          @Schema(allowableValues = {"REPLAYED", "FAILED"}) String result,
                          @Schema(allowableValues = {"POISON", "TRANSIENT", "UNKNOWN"}) String kind,
                          @Schema(example = "org.springframework.dao.QueryTimeoutException: timed out") String error) {
    }
}
