package io.skillwise.enrollment.replica;

import io.skillwise.events.Topics;
import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the curriculum replica from {@code catalog.course.v1}; the inbox makes each event apply once. */
@Component
class CatalogEventsListener {

    private final Inbox inbox;
    private final CurriculumService curriculum;

    CatalogEventsListener(Inbox inbox, CurriculumService curriculum) {
        this.inbox = inbox;
        this.curriculum = curriculum;
    }

    @KafkaListener(topics = Topics.CATALOG_COURSE)
    void on(IncomingEvent event) {
        if (event.event() instanceof CourseEvent course) {
            inbox.processOnce(event, e -> curriculum.apply(course));
        }
    }
}
