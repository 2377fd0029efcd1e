package io.skillwise.review.moderation;

import io.skillwise.events.review.ModeratedContentKind;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** One entry of the moderation log, with the content it was about. */
public record LoggedAction(ModeratedContentKind kind, UUID contentId, UUID courseId, ModerationAction action,
                           UUID moderatorId, @Schema(example = "Advertising") String reason, Instant at) {

    public static final Comparator<LoggedAction> NEWEST_FIRST = Comparator.comparing(LoggedAction::at).reversed()
            .thenComparing(LoggedAction::contentId);
}
