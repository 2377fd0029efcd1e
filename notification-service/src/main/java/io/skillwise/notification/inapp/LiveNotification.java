package io.skillwise.notification.inapp;

import java.util.UUID;

/** A notification on its way to a live stream: its place in the order of all notifications and whom it is for. */
public record LiveNotification(long seq, UUID recipientId, NotificationView view) {

    static LiveNotification of(Notification notification) {
        return new LiveNotification(notification.seq(), UUID.fromString(notification.recipientId()),
                NotificationView.of(notification));
    }
}
