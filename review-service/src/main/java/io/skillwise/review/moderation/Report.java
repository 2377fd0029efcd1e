package io.skillwise.review.moderation;

import java.time.Instant;
import java.util.UUID;

/** One user's report of a piece of content (one per user and content). */
public record Report(UUID reporterId, String reason, Instant reportedAt) {
}
