package io.skillwise.catalog.replica;

import io.skillwise.events.Topics;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.events.identity.UserEvent;
import io.skillwise.events.review.CourseRatingChanged;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The facts the catalog keeps from other services. Each event is applied once (the kit's inbox records its
 * {@code ce_id} in the same transaction); retries and dead letters are the kit's.
 */
@Component
class ReplicaEventsListener {

    private final Inbox inbox;
    private final EnrollmentReplica enrollments;
    private final ProfileReplica profiles;

    ReplicaEventsListener(Inbox inbox, EnrollmentReplica enrollments, ProfileReplica profiles) {
        this.inbox = inbox;
        this.enrollments = enrollments;
        this.profiles = profiles;
    }

    @KafkaListener(topics = Topics.ENROLLMENT_ENROLLMENT)
    void onEnrollment(IncomingEvent event) {
        if (event.event() instanceof EnrollmentEvent enrollment) {
            inbox.processOnce(event, e -> enrollments.apply(enrollment));
        }
    }

    @KafkaListener(topics = Topics.REVIEW_REVIEW)
    void onReview(IncomingEvent event) {
        if (event.event() instanceof CourseRatingChanged rating) {
            inbox.processOnce(event, e -> profiles.apply(rating));
        }
    }

    @KafkaListener(topics = Topics.IDENTITY_USER)
    void onUser(IncomingEvent event) {
        if (event.event() instanceof UserEvent user) {
            inbox.processOnce(event, e -> profiles.apply(user));
        }
    }
}
