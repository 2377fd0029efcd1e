package io.skillwise.events.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many visible reviews gave each number of stars. On the wire the keys are {@code "1"} to {@code "5"}, as in the
 * API's rating summary.
 *
 * @param one   reviews with 1 star
 * @param two   reviews with 2 stars
 * @param three reviews with 3 stars
 * @param four  reviews with 4 stars
 * @param five  reviews with 5 stars
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RatingDistribution(
        @JsonProperty("1") long one,
        @JsonProperty("2") long two,
        @JsonProperty("3") long three,
        @JsonProperty("4") long four,
        @JsonProperty("5") long five) {

    public RatingDistribution {
        if (one < 0 || two < 0 || three < 0 || four < 0 || five < 0) {
            throw new IllegalArgumentException("negative review count");
        }
    }

    /** The number of reviews counted. */
    public long total() {
        return one + two + three + four + five;
    }
}
