package io.skillwise.kit.messaging.outbox;

import io.skillwise.events.DomainEvent;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.EventDescriptor;
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

    public OutboxEntries(JsonMapper json, OutboxTracing tracing, OutboxProperties properties, Clock clock) {
        this.json = json;
        this.tracing = tracing;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException when the event is not in the catalog
     */
    public OutboxEntry entryFor(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        EventDescriptor descriptor = EventCatalog.of(event.getClass());
        String key = Objects.requireNonNull(event.aggregateId(), () -> descriptor.name() + " has no aggregate id");
        return new OutboxEntry(
                UUID.randomUUID().toString(),
                properties.topic(descriptor.topic()),
                descriptor.type(),
                key,
                json.writeValueAsString(event),
                event.occurredAt(),
                tracing.currentTraceparent(),
                clock.instant());
    }
}
