package io.skillwise.review.moderation;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * One moderator action, kept in the moderated content's document and written in the same update as the decision,
 * so no decision exists without its log entry.
 *
 * @param reason what the moderator wrote; absent for an approval or restoration without comment
 */
public record ModerationLogEntry(ModerationAction action, UUID moderatorId,
                                 @Schema(example = "Advertising") String reason, Instant at) {
}
