package io.skillwise.kit.messaging.testapp;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies the app's own events to its replicas; a display name of "poison" makes the handler fail every time. */
@Component
class ProfileEventsListener {

    static final String POISON = "poison";

    private final ProfileReplicas replicas;
    private final DeliveryProbe probe;
    private final ObjectProvider<Tracer> tracer;

    ProfileEventsListener(ProfileReplicas replicas, DeliveryProbe probe, ObjectProvider<Tracer> tracer) {
        this.replicas = replicas;
        this.probe = probe;
        this.tracer = tracer;
    }

    @KafkaListener(id = "replicas", topics = MessagingTestApplication.TOPIC,
            autoStartup = "${testapp.replicas.enabled:true}")
    void on(IncomingEvent event) {
        if (!(event.event() instanceof UserProfileUpdated updated)) {
            return;
        }
        probe.delivered(new DeliveryProbe.Delivery(event.id(), event.key(), updated.displayName(), updated.headline(),
                currentTraceId(), System.nanoTime()));
        if (POISON.equals(updated.displayName())) {
            throw new IllegalStateException("this handler cannot apply a poison profile");
        }
        replicas.apply(event, updated);
    }

    private String currentTraceId() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return span == null ? null : span.context().traceId();
    }
}
