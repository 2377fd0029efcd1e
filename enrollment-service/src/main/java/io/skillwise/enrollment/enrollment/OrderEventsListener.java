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
    private final PurchaseToEnrollmentTimer purchaseToEnrollment;

    OrderEventsListener(Inbox inbox, EnrollmentService enrollments, PurchaseToEnrollmentTimer purchaseToEnrollment) {
        this.inbox = inbox;
        this.enrollments = enrollments;
        this.purchaseToEnrollment = purchaseToEnrollment;
    }

    @KafkaListener(topics = Topics.PAYMENT_ORDER)
    void on(IncomingEvent event) {
        switch (event.event()) {
            case CoursePurchased purchased -> {
                if (inbox.processOnce(event, e -> enrollments.purchased(purchased))) {
                    // a redelivery changed nothing and is not a second wait
                    purchaseToEnrollment.enrolled(event.time().orElse(purchased.occurredAt()));
                }
            }
            case PaymentRefunded refunded -> inbox.processOnce(event, e -> enrollments.refunded(refunded));
            case PaymentDisputed disputed -> inbox.processOnce(event, e -> enrollments.disputed(disputed));
            case DisputeClosed closed -> inbox.processOnce(event, e -> enrollments.disputeClosed(closed));
            default -> {
                // checkouts and failed payments grant nothing
            }
        }
    }
}
