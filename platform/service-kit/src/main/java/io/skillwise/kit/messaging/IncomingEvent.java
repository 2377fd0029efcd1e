package io.skillwise.kit.messaging;

import io.skillwise.events.CloudEventHeaders;
import io.skillwise.events.DomainEvent;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.EventDescriptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A CloudEvent received from Kafka in binary mode: the envelope from the {@code ce_*} headers, where it came from
 * (topic, partition, offset) and the JSON body, already checked to be the event its {@code ce_type} names.
 *
 * <p>A listener declares it as a parameter ({@code @KafkaListener(topics = Topics.PAYMENT_ORDER) void on(IncomingEvent
 * event)}); the kit builds it from the record. Building it fails with {@link MalformedEventException} (straight to the
 * dead-letter topic, no retries) when the record can never be processed: no or non-UUID {@code ce_id}, an unknown
 * {@code ce_type}, or a body that is not that event's JSON.
 */
public final class IncomingEvent {

    private final ConsumerRecord<?, ?> record;
    private final UUID id;
    private final EventDescriptor descriptor;
    private final DomainEvent event;
    private final String payload;
    private final JsonMapper json;

    private IncomingEvent(ConsumerRecord<?, ?> record, UUID id, EventDescriptor descriptor, DomainEvent event,
                          String payload, JsonMapper json) {
        this.record = record;
        this.id = id;
        this.descriptor = descriptor;
        this.event = event;
        this.payload = payload;
        this.json = json;
    }

    /**
     * Reads and checks a record.
     *
     * @throws MalformedEventException when the record is not a well-formed SkillWise event
     */
    public static IncomingEvent from(ConsumerRecord<?, ?> record, JsonMapper json) {
        Objects.requireNonNull(record, "record");
        String idHeader = header(record, CloudEventHeaders.ID)
                .orElseThrow(() -> malformed(record, "it has no " + CloudEventHeaders.ID + " header"));
        UUID id;
        try {
            id = UUID.fromString(idHeader);
        } catch (IllegalArgumentException e) {
            throw malformed(record, CloudEventHeaders.ID + " '" + idHeader + "' is not a UUID");
        }
        String type = header(record, CloudEventHeaders.TYPE)
                .orElseThrow(() -> malformed(record, "it has no " + CloudEventHeaders.TYPE + " header"));
        EventDescriptor descriptor = EventCatalog.byType(type)
                .orElseThrow(() -> malformed(record, "its " + CloudEventHeaders.TYPE + " '" + type + "' is unknown"));
        String payload = body(record);
        DomainEvent event;
        try {
            event = json.readValue(payload, descriptor.eventClass());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // bad JSON, or JSON the event's record refuses (a required field missing, an invariant broken)
            throw malformed(record, "its body is not a valid " + descriptor.name() + ": " + e.getMessage(), e);
        }
        return new IncomingEvent(record, id, descriptor, event, payload, json);
    }

    /** The {@code ce_id}: what consumers de-duplicate on. */
    public UUID id() {
        return id;
    }

    /** The {@code ce_type}, e.g. {@code io.skillwise.payment.CoursePurchased.v1}. */
    public String type() {
        return descriptor.type();
    }

    /** What the catalog knows about this event type. */
    public EventDescriptor descriptor() {
        return descriptor;
    }

    /** The event as its record, for a {@code switch} over a topic's sealed event interface. */
    public DomainEvent event() {
        return event;
    }

    /**
     * The body read as the given type: the event's own record, or a consumer's narrower view of it (unknown
     * fields are ignored, as the compatibility rules require).
     */
    public <T> T payloadAs(Class<T> type) {
        if (type.isInstance(event)) {
            return type.cast(event);
        }
        try {
            return json.readValue(payload, type);
        } catch (JacksonException e) {
            throw new MalformedEventException("event " + id + " cannot be read as " + type.getName(), e);
        }
    }

    /** The JSON body as received. */
    public String payload() {
        return payload;
    }

    /** The {@code ce_source}, e.g. {@code /skillwise/payment-service}. */
    public Optional<String> source() {
        return header(record, CloudEventHeaders.SOURCE);
    }

    /** The {@code ce_time}: when the fact became true at the producer. */
    public Optional<Instant> time() {
        return header(record, CloudEventHeaders.TIME).map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw malformed(record, CloudEventHeaders.TIME + " '" + value + "' is not an RFC 3339 time");
            }
        });
    }

    /** The {@code ce_subject}: the aggregate id, equal to the key. */
    public Optional<String> subject() {
        return header(record, CloudEventHeaders.SUBJECT);
    }

    /** The record key: the aggregate id. */
    public String key() {
        return record.key() == null ? null : record.key().toString();
    }

    public String topic() {
        return record.topic();
    }

    public int partition() {
        return record.partition();
    }

    public long offset() {
        return record.offset();
    }

    /** Any other header as text, e.g. {@code traceparent}. */
    public Optional<String> header(String name) {
        return header(record, name);
    }

    @Override
    public String toString() {
        return descriptor.name() + " " + id + " (" + record.topic() + "-" + record.partition() + "@" + record.offset() + ")";
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static String body(ConsumerRecord<?, ?> record) {
        Object value = record.value();
        return switch (value) {
            case null -> throw malformed(record, "it has no body");
            case String text -> text;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            default -> throw malformed(record, "its body is a " + value.getClass().getName() + ", not JSON text");
        };
    }

    private static MalformedEventException malformed(ConsumerRecord<?, ?> record, String reason) {
        return malformed(record, reason, null);
    }

    private static MalformedEventException malformed(ConsumerRecord<?, ?> record, String reason, Throwable cause) {
        return new MalformedEventException("record " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " is not a processable event: " + reason, cause);
    }
}
