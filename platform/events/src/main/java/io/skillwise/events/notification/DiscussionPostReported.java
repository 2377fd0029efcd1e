package io.skillwise.events.notification;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in user reported a post of a course discussion (once per user and post). review-service puts it into its
 * moderation queue beside reported reviews; the decision comes back as
 * {@link io.skillwise.events.review.ContentModerated} with content kind {@code DISCUSSION_POST}.
 *
 * @param postId       the reported post
 * @param threadId     the thread the post belongs to (also the record key)
 * @param courseId     the course of the discussion
 * @param instructorId the instructor who owns the course
 * @param authorId     who wrote the post
 * @param reporterId   who reported it
 * @param reason       the reporter's reason
 * @param excerpt      the post's text as it read when reported (at most 1,000 characters), so moderators see
 *                     what was reported
 * @param occurredAt   when it was reported
 */
public record DiscussionPostReported(
        UUID postId,
        UUID threadId,
        UUID courseId,
        UUID instructorId,
        UUID authorId,
        UUID reporterId,
        String reason,
        String excerpt,
        Instant occurredAt) implements DiscussionEvent {

    /** The longest excerpt carried, so one event never grows with a long post. */
    public static final int MAX_EXCERPT = 1000;

    public DiscussionPostReported {
        requireNonNull(postId, "postId");
        requireNonNull(threadId, "threadId");
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(authorId, "authorId");
        requireNonNull(reporterId, "reporterId");
        requireNonNull(reason, "reason");
        requireNonNull(excerpt, "excerpt");
        requireNonNull(occurredAt, "occurredAt");
        if (excerpt.length() > MAX_EXCERPT) {
            throw new IllegalArgumentException("excerpt longer than " + MAX_EXCERPT + " characters");
        }
    }
}
