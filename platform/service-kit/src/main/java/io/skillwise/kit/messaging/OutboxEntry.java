package io.skillwise.kit.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * One event waiting to be published, with everything the relay needs to put it on Kafka later, in another thread or
 * another process. JDBC services never see it (it is a row of {@code outbox_event}); MongoDB services keep a list of
 * them in a field named {@value MongoOutbox#FIELD} of their own documents, written in the same single-document
 * update as the state change, and the relay removes each entry once Kafka has it.
 *
 * @param eventId     the CloudEvents {@code ce_id}, a UUID fixed when the event was recorded, so a retried publication
 *                    is recognisably the same event
 * @param topic       where it goes
 * @param type        the CloudEvents {@code ce_type}
 * @param key         the record key and {@code ce_subject}: the aggregate id
 * @param payload     the event as JSON
 * @param occurredAt  the {@code ce_time}
 * @param traceparent the W3C trace context of the request that caused it, or null when nothing was traced
 * @param recordedAt  when it was recorded; orders entries of one key across documents
 */
public record OutboxEntry(
        String eventId,
        String topic,
        String type,
        String key,
        String payload,
        Instant occurredAt,
        String traceparent,
        Instant recordedAt) {

    public OutboxEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
