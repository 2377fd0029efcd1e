package io.skillwise.catalog.search;

import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CourseStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One course in the listing: id, title, subtitle, instructor, category, level, language, price, rating, ... */
public record CourseListItem(UUID id, @Schema(example = "Java for Beginners") String title,
                             @Schema(example = "From your first class to a working command-line app") String subtitle,
                             Instructor instructor, Category category, CourseLevel level,
                             @Schema(example = "en") String language, boolean free, Price price, Rating rating,
                             @Schema(example = "2417") int enrollmentCount,
                             @Schema(example = "https://cdn.skillwise.io/thumbnails/java-for-beginners.png")
                             String thumbnailUrl,
                             CourseStatus status, Instant publishedAt) {

    public record Instructor(UUID id, @Schema(example = "Ada Lovelace") String displayName) {
    }

    public record Category(UUID id, @Schema(example = "development") String slug,
                           @Schema(example = "Development") String name) {
    }

    public record Price(@Schema(description = "Minor units (cents)", example = "4999") long amount,
                        @Schema(example = "USD") String currency) {
    }

    public record Rating(@Schema(example = "4.6") double average, @Schema(example = "128") int count) {
    }
}
