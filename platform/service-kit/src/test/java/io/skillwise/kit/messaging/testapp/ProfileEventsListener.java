package io.skillwise.kit.messaging.testapp;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.kit.messaging.IncomingEvent;
import io.skillwise.kit.messaging.UnprocessableEventException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies the app's own events to its replicas. A display name the {@link RefusedNames} rule refuses ("poison" at
 * first) is refused as unprocessable; a display name of "bug" makes the handler fail with an unexpected exception.
 */
@Component
public class ProfileEventsListener {

    public static final String POISON = "poison";
    public static final String BUG = "bug";

    private final ProfileReplicas replicas;
    private final RefusedNames refusedNames;
    private final DeliveryProbe probe;
    private final ObjectProvider<Tracer> tracer;

    ProfileEventsListener(ProfileReplicas replicas, RefusedNames refusedNames, DeliveryProbe probe,
                          ObjectProvider<Tracer> tracer) {
        this.replicas = replicas;
        this.refusedNames = refusedNames;
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
        if (refusedNames.refuses(updated.displayName())) {
            throw new UnprocessableEventException(event, "the display name '" + updated.displayName() + "' is refused");
        }
        if (BUG.equals(updated.displayName())) {
            throw new IllegalStateException("this handler has a bug");
        }
        replicas.apply(event, updated);
    }

    private String currentTraceId() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return span == null ? null : span.context().traceId();
    }
}
