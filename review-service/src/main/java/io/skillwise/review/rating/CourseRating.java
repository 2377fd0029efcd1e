package io.skillwise.review.rating;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.UUID;

/**
 * A course's rating aggregate (ADR 0012): figures recomputed from the course's visible reviews, written only if
 * {@code version} is still the one read, together with the {@code CourseRatingChanged} it causes.
 *
 * @param id        the course id
 * @param version   bumped by every write; the optimistic lock of the recomputation
 * @param changedAt the {@code occurredAt} of the latest {@code CourseRatingChanged}; strictly increasing
 */
@Document(CourseRating.COLLECTION)
public record CourseRating(@Id UUID id, UUID instructorId, long version, RatingFigures figures, Instant changedAt) {

    public static final String COLLECTION = "course_ratings";
}
