package io.skillwise.kit.messaging.deadletter;

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
public record ReplayReport(String topic, int replayed, int failed, List<Outcome> records, List<String> notFound) {

    /**
     * @param result {@code REPLAYED} or {@code FAILED}
     * @param kind   for a failure: {@code POISON}, {@code TRANSIENT} or {@code UNKNOWN}
     * @param error  for a failure: its root cause
     */
    public record Outcome(DeadLetter deadLetter, String result, String kind, String error) {
    }
}
