package io.skillwise.notification.trigger;

import io.skillwise.events.identity.UserRegistered;
import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.mail.MailContent;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.UUID;

/** Notices about accounts ({@code identity.user.v1}): the welcome, and forgetting a deleted account. */
@Service
class AccountNotices {

    private final DeliveryService delivery;

    AccountNotices(DeliveryService delivery) {
        this.delivery = delivery;
    }

    void registered(UUID eventId, UserRegistered registered) {
        Notice notice = new Notice(NotificationKind.WELCOME, "Welcome to SkillWise, " + registered.displayName(),
                "Your account is ready. Find a course and start learning.", "/api/v1/courses");
        delivery.deliver(Delivery.of(Keys.of(eventId), notice, registered.userId())
                .withMail(MailContent.of("welcome", Map.of("instructorRequested", registered.instructorRequested()))));
    }

    void deactivated(UUID userId) {
        delivery.forget(userId);
    }
}
