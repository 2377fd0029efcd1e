package io.skillwise.payment.catalog;

import io.skillwise.events.Topics;
import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Course snapshots from catalog feed the price replica; each event is applied once (inbox). */
@Component
public class CatalogEventsListener {

    private final Inbox inbox;
    private final PriceReplicaService replica;

    public CatalogEventsListener(Inbox inbox, PriceReplicaService replica) {
        this.inbox = inbox;
        this.replica = replica;
    }

    @KafkaListener(topics = Topics.CATALOG_COURSE)
    void on(IncomingEvent event) {
        if (event.event() instanceof CourseEvent course) {
            inbox.processOnce(event, e -> replica.apply(course));
        }
    }
}
