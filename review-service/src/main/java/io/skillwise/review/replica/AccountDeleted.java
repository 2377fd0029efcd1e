package io.skillwise.review.replica;

import java.util.UUID;

/**
 * Published inside the service when identity reports a deleted account; the features holding the user's writing
 * act on it in the same thread (ADR 0013), so a failure is retried with the Kafka record.
 */
public record AccountDeleted(UUID userId) {
}
