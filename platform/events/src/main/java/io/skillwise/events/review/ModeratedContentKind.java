package io.skillwise.events.review;

/** What a moderator decided about: the moderation queue holds more than reviews. */
public enum ModeratedContentKind {
    /** A course review of review-service. */
    REVIEW,
    /** A post in a course discussion of notification-service, reported with {@code DiscussionPostReported}. */
    DISCUSSION_POST
}
