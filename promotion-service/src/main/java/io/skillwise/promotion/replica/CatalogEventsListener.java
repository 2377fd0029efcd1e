package io.skillwise.promotion.replica;

import io.skillwise.events.Topics;
import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the course replica from {@code catalog.course.v1}; the inbox makes each event apply once. */
@Component
class CatalogEventsListener {

    private final Inbox inbox;
    private final CourseReplica courses;

    CatalogEventsListener(Inbox inbox, CourseReplica courses) {
        this.inbox = inbox;
        this.courses = courses;
    }

    @KafkaListener(topics = Topics.CATALOG_COURSE)
    void on(IncomingEvent event) {
        if (event.event() instanceof CourseEvent course) {
            inbox.processOnce(event, e -> courses.apply(course));
        }
    }
}
