package io.skillwise.review.replica;

import io.skillwise.events.Topics;
import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the course replica from {@code catalog.course.v1}. */
@Component
class CatalogEventsListener {

    private final CourseReplica courses;

    CatalogEventsListener(CourseReplica courses) {
        this.courses = courses;
    }

    @KafkaListener(topics = Topics.CATALOG_COURSE)
    void on(IncomingEvent event) {
        if (event.event() instanceof CourseEvent course) {
            courses.apply(course);
        }
    }
}
