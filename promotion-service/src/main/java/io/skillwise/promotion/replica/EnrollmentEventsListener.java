package io.skillwise.promotion.replica;

import io.skillwise.events.Topics;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts enrollments for campaign reports; other enrollment events do not matter here. */
@Component
class EnrollmentEventsListener {

    private final Inbox inbox;
    private final History history;

    EnrollmentEventsListener(Inbox inbox, History history) {
        this.inbox = inbox;
        this.history = history;
    }

    @KafkaListener(topics = Topics.ENROLLMENT_ENROLLMENT)
    void on(IncomingEvent event) {
        if (event.event() instanceof StudentEnrolled enrolled) {
            inbox.processOnce(event, e -> history.enrolled(enrolled));
        }
    }
}
