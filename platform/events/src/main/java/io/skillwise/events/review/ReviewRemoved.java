package io.skillwise.events.review;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A review stopped being visible and no longer counts in the course rating.
 *
 * @param reviewId     the review
 * @param courseId     the reviewed course
 * @param instructorId the instructor who owns the course
 * @param authorId     the learner who wrote it
 * @param reason       why it was removed
 * @param actorId      the author or moderator who removed it; absent when the author's account was deleted
 * @param occurredAt   when it was removed
 */
public record ReviewRemoved(
        UUID reviewId,
        UUID courseId,
        UUID instructorId,
        UUID authorId,
        ReviewRemovalReason reason,
        UUID actorId,
        Instant occurredAt) implements ReviewEvent {

    public ReviewRemoved {
        requireNonNull(reviewId, "reviewId");
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(authorId, "authorId");
        requireNonNull(reason, "reason");
        requireNonNull(occurredAt, "occurredAt");
    }
}
