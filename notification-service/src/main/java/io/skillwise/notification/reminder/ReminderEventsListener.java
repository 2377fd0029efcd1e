package io.skillwise.notification.reminder;

import io.skillwise.events.Topics;
import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.events.enrollment.EnrollmentEvent;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.payment.CheckoutStarted;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.PaymentFailed;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the reminders in step with the platform's events. These listeners form their own consumer group
 * ({@value #GROUP_SUFFIX} after the service's), so rescheduling a large course holds back neither the replicas nor
 * the notices. Every handler is idempotent: a redelivered event plans the same reminders again and changes nothing.
 */
@Component
class ReminderEventsListener {

    static final String GROUP_SUFFIX = ".reminders";
    private static final String GROUP = "${spring.kafka.consumer.group-id}" + GROUP_SUFFIX;

    private final ReminderPlanner planner;

    ReminderEventsListener(ReminderPlanner planner) {
        this.planner = planner;
    }

    @KafkaListener(topics = Topics.CATALOG_COURSE, groupId = GROUP)
    void onCourse(IncomingEvent event) {
        if (event.event() instanceof CourseEvent course) {
            planner.courseChanged(course);
        }
    }

    @KafkaListener(topics = Topics.ENROLLMENT_ENROLLMENT, groupId = GROUP)
    void onEnrollment(IncomingEvent event) {
        if (event.event() instanceof EnrollmentEvent enrollment) {
            planner.enrollmentChanged(enrollment);
        }
    }

    @KafkaListener(topics = Topics.PAYMENT_ORDER, groupId = GROUP)
    void onOrder(IncomingEvent event) {
        switch (event.event()) {
            case CheckoutStarted started -> planner.checkoutStarted(started);
            case CoursePurchased purchased -> planner.checkoutEnded(purchased.orderId());
            case PaymentFailed failed -> planner.checkoutEnded(failed.orderId());
            default -> { }
        }
    }

    @KafkaListener(topics = Topics.IDENTITY_USER, groupId = GROUP)
    void onUser(IncomingEvent event) {
        if (event.event() instanceof UserDeactivated deactivated) {
            planner.forget(deactivated.userId());
        }
    }
}
