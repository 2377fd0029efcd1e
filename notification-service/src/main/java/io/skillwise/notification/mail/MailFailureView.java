package io.skillwise.notification.mail;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A mail that could not be sent (yet), for admins. */
public record MailFailureView(
        UUID id,
        UUID recipientId,
        @Schema(description = "The address it was sent to, once known") String to,
        String kind,
        String subject,
        @Schema(description = "FAILED: given up; PENDING: failed before and waiting for its next attempt") String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        @Schema(description = "When the next attempt is due (PENDING only)") Instant nextAttemptAt) {

    static MailFailureView of(MailJob mail) {
        return new MailFailureView(UUID.fromString(mail.id()), UUID.fromString(mail.recipientId()), mail.to(),
                mail.kind(), mail.title(), mail.status().name(), mail.attempts(), mail.lastError(), mail.createdAt(),
                mail.lastAttemptAt(), mail.status() == MailStatus.PENDING ? mail.nextAttemptAt() : null);
    }
}
