package io.skillwise.kit.messaging.testapp;

import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * For the latency benchmark: notes when each event becomes visible to a consumer and does nothing else, so the
 * measurement is the outbox's and Kafka's, not the cost of one particular handler. Off unless a test turns it on.
 */
@Component
class ArrivalListener {

    private final DeliveryProbe probe;

    ArrivalListener(DeliveryProbe probe) {
        this.probe = probe;
    }

    @KafkaListener(id = "arrivals", topics = MessagingTestApplication.TOPIC,
            groupId = "${spring.kafka.consumer.group-id}-arrivals", autoStartup = "${testapp.arrivals.enabled:false}")
    void on(IncomingEvent event) {
        probe.arrived(event.key(), System.nanoTime());
    }
}
