package io.skillwise.review.replica;

import io.skillwise.events.Topics;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the enrollment replica from {@code enrollment.enrollment.v1}. */
@Component
class EnrollmentEventsListener {

    private final EnrollmentReplica enrollments;

    EnrollmentEventsListener(EnrollmentReplica enrollments) {
        this.enrollments = enrollments;
    }

    @KafkaListener(topics = Topics.ENROLLMENT_ENROLLMENT)
    void on(IncomingEvent event) {
        if (event.event() instanceof EnrollmentEvent enrollment) {
            enrollments.apply(event, enrollment);
        }
    }
}
