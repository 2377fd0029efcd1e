package io.skillwise.review.rating;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param repairInterval how often aggregates left behind by an interrupted write are recomputed
 * @param repairGrace    how old an uncounted change must be before the repair takes it up (younger ones are
 *                       still being counted by the request that made them)
 */
@ConfigurationProperties("skillwise.review.ratings")
public record RatingProperties(Duration repairInterval, Duration repairGrace) {
}
