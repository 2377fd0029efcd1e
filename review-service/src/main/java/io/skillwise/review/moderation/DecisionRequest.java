package io.skillwise.review.moderation;

import io.skillwise.review.text.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A moderator's decision about one item of the queue.
 *
 * @param reason shown to the author; required to hide or remove
 */
public record DecisionRequest(
        @Schema(description = "APPROVE, HIDE, REMOVE or RESTORE") @NotNull ModerationAction action,
        @Schema(description = "Shown to the author; required for HIDE and REMOVE", example = "Advertising") @Size(max = 1000) @PlainText
        String reason) {
}
