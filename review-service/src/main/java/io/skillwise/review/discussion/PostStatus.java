package io.skillwise.review.discussion;

/** A reported discussion post's state as far as moderation decided it; notification-service applies it. */
public enum PostStatus {
    VISIBLE,
    HIDDEN,
    REMOVED
}
