package io.skillwise.events.review;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A course's rating aggregate changed after a review was posted, updated or removed. Carries the whole aggregate, so
 * the catalog's rating filter and sort overwrite rather than recompute.
 *
 * @param courseId                       the course
 * @param instructorId                   the instructor who owns it
 * @param average                        mean overall stars of the visible reviews; 0 when there are none
 * @param count                          number of visible reviews
 * @param distribution                   visible reviews per number of stars; its total is {@code count}
 * @param contentQualityAverage          mean content-quality stars; absent when no review rated it
 * @param instructorEffectivenessAverage mean instructor stars; absent when no review rated it
 * @param occurredAt                     when the aggregate was recomputed
 */
public record CourseRatingChanged(
        UUID courseId,
        UUID instructorId,
        double average,
        long count,
        RatingDistribution distribution,
        Double contentQualityAverage,
        Double instructorEffectivenessAverage,
        Instant occurredAt) implements ReviewEvent {

    public CourseRatingChanged {
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(distribution, "distribution");
        requireNonNull(occurredAt, "occurredAt");
        if (distribution.total() != count) {
            throw new IllegalArgumentException(
                    "distribution of course " + courseId + " counts " + distribution.total() + " reviews, not " + count);
        }
        if (count == 0 ? average != 0 : (average < 1 || average > 5)) {
            throw new IllegalArgumentException("average " + average + " is impossible for " + count + " reviews");
        }
    }
}
