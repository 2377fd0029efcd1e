package io.skillwise.notification.inapp;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A notification as its recipient sees it. */
public record NotificationView(
        UUID id,
        @Schema(description = "What it is about, e.g. PURCHASE_RECEIPT; see GET /notifications/preferences for all kinds",
                example = "QUIZ_GRADED")
        String kind,
        @Schema(example = "Quiz graded: 80%") String title,
        @Schema(example = "You passed the quiz of Variables and types with 80%.") String text,
        @Schema(description = "Where to go from here: a path of the API (e.g. /api/v1/payments/invoices/{id}); absent when there is nowhere to go",
                example = "/api/v1/lessons/3f2a9c1e-7b4d-4e8a-9c6f-1d2e3f4a5b6c")
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
