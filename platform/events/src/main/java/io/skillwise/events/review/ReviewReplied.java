package io.skillwise.events.review;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The course's instructor replied in public to a review, or edited that reply (one reply per review). The review's
 * author is notified.
 *
 * @param reviewId     the review replied to
 * @param courseId     the reviewed course
 * @param instructorId the instructor who owns the course and wrote the reply
 * @param authorId     the learner who wrote the review
 * @param reply        the reply as it now reads
 * @param edited       true when an earlier reply was changed, false for the first reply
 * @param occurredAt   when the reply was saved
 */
public record ReviewReplied(
        UUID reviewId,
        UUID courseId,
        UUID instructorId,
        UUID authorId,
        String reply,
        boolean edited,
        Instant occurredAt) implements ReviewEvent {

    public ReviewReplied {
        requireNonNull(reviewId, "reviewId");
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(authorId, "authorId");
        requireNonNull(reply, "reply");
        requireNonNull(occurredAt, "occurredAt");
        if (reply.isBlank()) {
            throw new IllegalArgumentException("reply must not be blank");
        }
    }
}
