package io.skillwise.review.review;

import java.time.Instant;

/** The course owner's one public reply to a review. */
public record Reply(String text, Instant createdAt, Instant updatedAt) {
}
