package io.skillwise.kit.messaging.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries the W3C trace context across the outbox. When an event is recorded, the current trace (e.g. of the HTTP
 * request) is captured as a {@code traceparent}; when the relay publishes it, possibly seconds later and in another
 * process, it opens a producer span as a child of that context and sends the span's {@code traceparent} with the
 * record, so the consumer's span joins the same trace.
 */
public final class OutboxTracing {

    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    /** Without a tracer (tracing off), the captured context is null and publication spans do nothing. */
    public OutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public static OutboxTracing disabled() {
        return new OutboxTracing(null, null);
    }

    /** The {@code traceparent} of the current span, or null when there is none. */
    public String currentTraceparent() {
        if (tracer == null) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Starts the producer span of one publication, continuing the trace the event was recorded in. */
    public PublishSpan startPublish(String traceparent, String topic, String eventType) {
        if (tracer == null || traceparent == null) {
            return new PublishSpan(null, traceparent);
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name(topic + " publish")
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .tag("cloudevents.event_type", eventType)
                .start();
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return new PublishSpan(span, carrier.getOrDefault(TRACEPARENT, traceparent));
    }

    /** A publication's span, and the {@code traceparent} header that continues it. */
    public record PublishSpan(Span span, String traceparent) {

        public void end(Throwable failure) {
            if (span == null) {
                return;
            }
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        }
    }
}
