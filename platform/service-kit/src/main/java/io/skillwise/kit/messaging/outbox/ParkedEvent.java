package io.skillwise.kit.messaging.outbox;

import java.time.Instant;

/**
 * An outbox event the relay stopped sending because Kafka refused it too often for a reason that does not pass by
 * itself (too large, an invalid topic). Later events of its key wait behind it until a person releases or drops it.
 *
 * @param store     {@code jdbc} or {@code mongo}
 * @param reference where it is: the {@code outbox_event.seq}, or the collection and document id
 */
public record ParkedEvent(String store, String reference, String eventId, String type, String topic, String key,
                          int refusals, String lastError, Instant parkedAt) {
}
