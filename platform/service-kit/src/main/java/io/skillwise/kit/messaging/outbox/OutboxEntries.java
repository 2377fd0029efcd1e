package io.skillwise.kit.messaging.outbox;

import io.skillwise.events.DomainEvent;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.EventDescriptor;
import io.skillwise.kit.messaging.EventTooLargeException;
import io.skillwise.kit.messaging.OutboxEntry;
import io.skillwise.kit.messaging.OutboxProperties;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns a domain event into what the outbox keeps: its publication id, topic and type from the {@link EventCatalog},
 * the aggregate id as key, the JSON body (written now, with the service's mapper, so the relay never needs the
 * event class) and the current trace context.
 */
public final class OutboxEntries {

    private final JsonMapper json;
    private final OutboxTracing tracing;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String serviceName;
    private final long maxRecordBytes;

    /**
     * @param serviceName    {@code spring.application.name}, the {@code ce_source} the relay will send
     * @param maxRecordBytes the largest record Kafka takes from this service (see {@link OutboxProperties#maxEventSize()})
     */
    public OutboxEntries(JsonMapper json, OutboxTracing tracing, OutboxProperties properties, Clock clock,
                         String serviceName, long maxRecordBytes) {
        this.json = json;
        this.tracing = tracing;
        this.properties = properties;
        this.clock = clock;
        this.serviceName = serviceName;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * @throws IllegalArgumentException when the event is not in the catalog
     * @throws EventTooLargeException   when the event would be a record larger than Kafka takes
     */
    public OutboxEntry entryFor(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        EventDescriptor descriptor = EventCatalog.of(event.getClass());
        String key = Objects.requireNonNull(event.aggregateId(), () -> descriptor.name() + " has no aggregate id");
        OutboxEntry entry = new OutboxEntry(
                UUID.randomUUID().toString(),
                properties.topic(descriptor.topic()),
                descriptor.type(),
                key,
                json.writeValueAsString(event),
                event.occurredAt(),
                tracing.currentTraceparent(),
                clock.instant());
        int size = CloudEventSender.recordSizeUpperBound(entry, serviceName);
        if (size > maxRecordBytes) {
            throw new EventTooLargeException(descriptor.name() + " of " + key + " would be a Kafka record of " + size
                    + " bytes; the limit is " + maxRecordBytes + " (skillwise.outbox.max-event-size, producer "
                    + "max.request.size): the event is refused and its transaction fails");
        }
        return entry;
    }
}
