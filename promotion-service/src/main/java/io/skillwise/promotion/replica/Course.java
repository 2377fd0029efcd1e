package io.skillwise.promotion.replica;

import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.common.Money;

import java.util.UUID;

/**
 * A course as promotions know it from the catalog's events.
 *
 * @param price the list price; absent exactly for a free course
 */
public record Course(UUID id, UUID instructorId, String title, CourseStatus status, boolean free, Money price) {

    /** Published and paid: the only courses a quote, sale, coupon or bundle can price. */
    public boolean sellable() {
        return status == CourseStatus.PUBLISHED && !free && price != null;
    }
}
