package io.skillwise.events.review;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * An enrolled learner reviewed a course (one review per learner and course). The instructor is notified; the
 * course rating changes in a following {@link CourseRatingChanged}.
 *
 * @param reviewId                the review
 * @param courseId                the reviewed course
 * @param instructorId            the instructor who owns the course
 * @param authorId                the learner who wrote it
 * @param rating                  overall stars, 1 to 5
 * @param contentQuality          stars for content quality; absent when not given
 * @param instructorEffectiveness stars for the instructor's teaching; absent when not given
 * @param comment                 the written feedback; absent when only stars were given
 * @param occurredAt              when it was saved
 */
public record ReviewPosted(
        UUID reviewId,
        UUID courseId,
        UUID instructorId,
        UUID authorId,
        int rating,
        Integer contentQuality,
        Integer instructorEffectiveness,
        String comment,
        Instant occurredAt) implements ReviewEvent {

    public ReviewPosted {
        requireNonNull(reviewId, "reviewId");
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(authorId, "authorId");
        requireNonNull(occurredAt, "occurredAt");
        Ratings.requireStars("rating", rating);
        Ratings.requireStars("contentQuality", contentQuality);
        Ratings.requireStars("instructorEffectiveness", instructorEffectiveness);
    }
}
