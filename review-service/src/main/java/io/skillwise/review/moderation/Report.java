package io.skillwise.review.moderation;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One user's report of a piece of content (one per user and content). */
public record Report(UUID reporterId, @Schema(example = "Advertises another site") String reason,
                     Instant reportedAt) {
}
