package io.skillwise.analytics.course;

import java.time.Instant;
import java.util.UUID;

/**
 * What analytics knows about a course.
 *
 * @param status           catalog's status ({@code PUBLISHED}, {@code UNPUBLISHED}, {@code ARCHIVED}); absent while
 *                         only other services' events have named the course
 * @param priceAmount      list price in minor units; absent for a free course or an unknown price
 * @param firstPublishedAt when it first went on sale
 * @param ratingAverage    mean stars of its visible reviews; 0 without any
 */
public record CourseInfo(UUID courseId, UUID instructorId, String title, String category, String status, Boolean free,
                         Long priceAmount, String priceCurrency, Integer lessons, Instant firstPublishedAt,
                         boolean deleted, double ratingAverage, long ratingCount) {

    public boolean published() {
        return "PUBLISHED".equals(status);
    }
}
