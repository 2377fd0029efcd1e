package io.skillwise.review.rating;

import java.time.Instant;

/**
 * What one visible review adds to its course's rating.
 *
 * @param contentQuality          absent when the review did not rate it
 * @param instructorEffectiveness absent when the review did not rate it
 * @param postedAt                when the review was first written; it counts in that month's trend
 */
public record RatingContribution(int rating, Integer contentQuality, Integer instructorEffectiveness,
                                 Instant postedAt) {
}
