package io.skillwise.notification.mail;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A mail that could not be sent (yet), for admins. */
public record MailFailureView(
        UUID id,
        UUID recipientId,
        @Schema(description = "The address it was sent to, once known", example = "ada@example.com") String to,
        @Schema(example = "PURCHASE_RECEIPT") String kind,
        @Schema(example = "Your receipt for Java for Beginners") String subject,
        @Schema(description = "FAILED: given up; PENDING: failed before and waiting for its next attempt",
                allowableValues = {"FAILED", "PENDING"}) String status,
        @Schema(example = "3") int attempts,
        @Schema(example = "550 5.1.1 mailbox unavailable") String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        @Schema(description = "When the next attempt is due (PENDING only)") Instant nextAttemptAt) {

    static MailFailureView of(MailJob mail) {
        return new MailFailureView(UUID.fromString(mail.id()), UUID.fromString(mail.recipientId()), mail.to(),
                mail.kind(), mail.title(), mail.status().name(), mail.attempts(), mail.lastError(), mail.createdAt(),
                mail.lastAttemptAt(), mail.status() == MailStatus.PENDING ? mail.nextAttemptAt() : null);
    }
}
