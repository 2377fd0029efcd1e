package io.skillwise.catalog.search;

import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CourseStatus;

import java.time.Instant;
import java.util.UUID;

/** One course in the listing: id, title, subtitle, instructor, category, level, language, price, rating, ... */
public record CourseListItem(UUID id, String title, String subtitle, Instructor instructor, Category category,
                             CourseLevel level, String language, boolean free, Price price, Rating rating,
                             int enrollmentCount, String thumbnailUrl, CourseStatus status, Instant publishedAt) {

    public record Instructor(UUID id, String displayName) {
    }

    public record Category(UUID id, String slug, String name) {
    }

    public record Price(long amount, String currency) {
    }

    public record Rating(double average, int count) {
    }
}
