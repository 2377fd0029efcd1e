package io.skillwise.enrollment.enrollment;

import io.skillwise.events.Topics;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Purchases enrol; refunds and disputes change access. The inbox makes a redelivered event change nothing. */
@Component
class OrderEventsListener {

    private final Inbox inbox;
    private final EnrollmentService enrollments;

    OrderEventsListener(Inbox inbox, EnrollmentService enrollments) {
        this.inbox = inbox;
        this.enrollments = enrollments;
    }

    @KafkaListener(topics = Topics.PAYMENT_ORDER)
    void on(IncomingEvent event) {
        switch (event.event()) {
            case CoursePurchased purchased -> inbox.processOnce(event, e -> enrollments.purchased(purchased));
            case PaymentRefunded refunded -> inbox.processOnce(event, e -> enrollments.refunded(refunded));
            case PaymentDisputed disputed -> inbox.processOnce(event, e -> enrollments.disputed(disputed));
            case DisputeClosed closed -> inbox.processOnce(event, e -> enrollments.disputeClosed(closed));
            default -> {
                // checkouts and failed payments grant nothing
            }
        }
    }
}
