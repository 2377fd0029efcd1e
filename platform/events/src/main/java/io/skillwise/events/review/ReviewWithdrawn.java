package io.skillwise.events.review;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A visible review stopped being visible and no longer counts in the course rating because its author lost the
 * course: the enrollment was revoked after a refund, a lost payment dispute or by an admin. A revocation because a
 * subscription ended withdraws nothing. The author may review the course again if they enrol again. The course
 * rating changes in a following {@link CourseRatingChanged}.
 *
 * <p>Not a {@link ReviewRemoved}: that event's reasons are a closed enum, and a new reason would break every consumer
 * holding the old one (ADR 0002).
 *
 * @param reviewId     the review
 * @param courseId     the reviewed course
 * @param instructorId the instructor who owns the course
 * @param authorId     the learner who wrote it
 * @param enrollmentId the author's revoked enrollment
 * @param occurredAt   when the review was withdrawn
 */
public record ReviewWithdrawn(
        UUID reviewId,
        UUID courseId,
        UUID instructorId,
        UUID authorId,
        UUID enrollmentId,
        Instant occurredAt) implements ReviewEvent {

    public ReviewWithdrawn {
        requireNonNull(reviewId, "reviewId");
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(authorId, "authorId");
        requireNonNull(enrollmentId, "enrollmentId");
        requireNonNull(occurredAt, "occurredAt");
    }
}
