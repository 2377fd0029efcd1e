package io.skillwise.notification.trigger;

import io.skillwise.events.payment.SubscriptionActivated;
import io.skillwise.events.payment.SubscriptionEnded;
import io.skillwise.events.payment.SubscriptionRenewed;
import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import org.springframework.stereotype.Service;

import java.util.UUID;

/** Notices about the all-access subscription ({@code payment.subscription.v1}). */
@Service
class SubscriptionNotices {

    private static final String SUBSCRIPTIONS = "/api/v1/subscriptions";

    private final DeliveryService delivery;

    SubscriptionNotices(DeliveryService delivery) {
        this.delivery = delivery;
    }

    void activated(UUID eventId, SubscriptionActivated activated) {
        deliver(eventId, activated.subscriberId(), new Notice(NotificationKind.SUBSCRIPTION_ACTIVATED,
                "Your all-access subscription is active",
                "You paid " + Texts.money(activated.price()) + ". Every published course is open to you until "
                        + Texts.day(activated.currentPeriodEnd()) + ", and longer with each renewal.", SUBSCRIPTIONS));
    }

    void renewed(UUID eventId, SubscriptionRenewed renewed) {
        deliver(eventId, renewed.subscriberId(), new Notice(NotificationKind.SUBSCRIPTION_RENEWED,
                "Your subscription was renewed",
                "We charged " + Texts.money(renewed.amount()) + ". Your access continues until "
                        + Texts.day(renewed.currentPeriodEnd()) + ".", SUBSCRIPTIONS));
    }

    void ended(UUID eventId, SubscriptionEnded ended) {
        String why = switch (ended.reason()) {
            case CANCELLED -> "as you asked, at the end of the period you paid for";
            case PAYMENT_FAILED -> "because its renewal could not be paid";
            case DISPUTED -> "because one of its payments was disputed";
        };
        deliver(eventId, ended.subscriberId(), new Notice(NotificationKind.SUBSCRIPTION_ENDED,
                "Your subscription ended",
                "Your all-access subscription ended " + why + ". Courses you bought separately stay yours.",
                SUBSCRIPTIONS));
    }

    private void deliver(UUID eventId, UUID subscriber, Notice notice) {
        delivery.deliver(Delivery.of(Keys.of(eventId), notice, subscriber));
    }
}
