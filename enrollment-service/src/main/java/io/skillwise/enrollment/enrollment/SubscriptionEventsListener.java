package io.skillwise.enrollment.enrollment;

import io.skillwise.events.Topics;
import io.skillwise.events.payment.SubscriptionActivated;
import io.skillwise.events.payment.SubscriptionEnded;
import io.skillwise.events.payment.SubscriptionRenewed;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** All-access subscriptions open and close subscription-based enrollments. */
@Component
class SubscriptionEventsListener {

    private final Inbox inbox;
    private final EnrollmentService enrollments;

    SubscriptionEventsListener(Inbox inbox, EnrollmentService enrollments) {
        this.inbox = inbox;
        this.enrollments = enrollments;
    }

    @KafkaListener(topics = Topics.PAYMENT_SUBSCRIPTION)
    void on(IncomingEvent event) {
        switch (event.event()) {
            case SubscriptionActivated activated ->
                    inbox.processOnce(event, e -> enrollments.subscriptionRunning(activated));
            case SubscriptionRenewed renewed -> inbox.processOnce(event, e -> enrollments.subscriptionRunning(renewed));
            case SubscriptionEnded ended -> inbox.processOnce(event, e -> enrollments.subscriptionEnded(ended));
            default -> {
                // no other subscription events exist today; a newer producer's additions are ignored
            }
        }
    }
}
