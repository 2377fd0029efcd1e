package io.skillwise.notification.inapp;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A notification as its recipient sees it. */
public record NotificationView(
        UUID id,
        @Schema(description = "What it is about, e.g. PURCHASE_RECEIPT; see GET /notifications/preferences for all kinds")
        String kind,
        String title,
        String text,
        @Schema(description = "Where to go from here: a path of the API (e.g. /api/v1/payments/invoices/{id}); absent when there is nowhere to go")
        String link,
        boolean read,
        Instant createdAt,
        Instant readAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(UUID.fromString(notification.id()), notification.kind(), notification.title(),
                notification.text(), notification.link(), notification.read(), notification.createdAt(),
                notification.readAt());
    }
}
